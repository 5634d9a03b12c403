// The generator follows the spec's operations, not a list of names: add an
// operation to a copy of the spec, regenerate into a scratch folder, and its
// types, field rules and path appear with no edit to scripts/generate.mjs.
// Then `raw` calls it with the same token, timeout, retries and error mapping
// as Pay invoice, against a real server on 127.0.0.1.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import { PAY_INVOICE_PATH, PAYMENT_METHODS } from "../../../../openapi/fixtures.mjs";
import { ConnectError } from "../../src/index.js";
import { createRawClient } from "../../src/raw.js";
import { assertValid, type Rules } from "../../src/validate.js";
import { rejectionOf } from "../helpers/server.js";

const repo = new URL("../../../../", import.meta.url).pathname;
const scratch = await mkdtemp(join(tmpdir(), "added-operation-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

// A hypothetical "Amend payment" as a provider might document it: a path, a body with
// an id range and an enum, a 200 response.
const PATH = "/v1/api/payment/amend";
const operation = {
  post: {
    operationId: "amendPayment",
    summary: "Amend payment",
    tags: ["Payment"],
    description: "Changes the payment method of a pending transaction.",
    security: [{ connectId: ["read"] }],
    requestBody: {
      required: true,
      content: {
        "application/json": { schema: { $ref: "#/components/schemas/AmendPaymentRequest" } },
      },
    },
    responses: {
      "200": {
        description: "OK",
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: { changed: { type: "boolean", description: "Whether it changed." } },
            },
          },
        },
      },
      "400": { description: "Bad Request." },
    },
  },
};
const requestSchema = {
  type: "object",
  description: "The transaction and its new payment method.",
  required: ["transactionId", "paymentMethod"],
  properties: {
    transactionId: { $ref: "#/components/schemas/TransactionId" },
    paymentMethod: { $ref: "#/components/schemas/PaymentMethod" },
    note: { type: "string", maxLength: 20, description: "A note." },
  },
};

let generated: Record<string, unknown>;
let declarations: string;

beforeAll(async () => {
  const spec = parseDocument(await readFile(join(repo, "openapi/connect-payment.yaml"), "utf8"));
  spec.setIn(["paths", PATH], spec.createNode(operation));
  spec.setIn(["components", "schemas", "AmendPaymentRequest"], spec.createNode(requestSchema));
  const specFile = join(scratch, "spec.yaml");
  await writeFile(specFile, spec.toString());
  const out = join(scratch, "out");
  await promisify(execFile)(process.execPath, [
    join(repo, "scripts/generate.mjs"),
    "--spec",
    specFile,
    "--out",
    out,
    "types",
    "client",
  ]);
  generated = await import(join(out, "packages/client/src/generated/spec.ts"));
  declarations = join(out, "packages/types/generated/openapi.d.ts");
}, 180_000);

/** The scratch operation's descriptor, as the generator wrote it. */
const amendPayment = () =>
  generated.AMEND_PAYMENT as {
    path: string;
    method: string;
    bodyRules: unknown;
    responses: Record<string, unknown>;
  };

describe("generated from the spec alone", () => {
  test("the path constant and the descriptor's method", () => {
    expect(generated.AMEND_PAYMENT_PATH).toBe(PATH);
    expect(amendPayment().path).toBe(PATH);
    expect(amendPayment().method).toBe("POST");
    // Pay invoice is still there, unchanged.
    expect(generated.PAY_INVOICE_PATH).toBe(PAY_INVOICE_PATH);
  });

  test("the request and response rules, references resolved", () => {
    expect(amendPayment().bodyRules).toEqual({
      transactionId: { required: true, type: "integer", minimum: 1, maximum: 2 ** 53 - 1 },
      paymentMethod: {
        required: true,
        type: "string",
        enum: PAYMENT_METHODS,
      },
      note: { required: false, type: "string", maxLength: 20 },
    });
    expect(amendPayment().responses["200"]).toEqual({
      changed: { required: false, type: "boolean" },
    });
  });

  test("assertValid checks a body against the new rules, naming every broken field", () => {
    const rules = amendPayment().bodyRules as Rules;
    expect(() => assertValid(rules, { transactionId: 5, paymentMethod: "nexi" })).not.toThrow();
    const error = (() => {
      try {
        assertValid(rules, { transactionId: 0, paymentMethod: "cash", note: "x".repeat(21) });
      } catch (thrown) {
        return thrown as ConnectError;
      }
    })();
    expect(error).toBeInstanceOf(ConnectError);
    expect(error?.code).toBe("invalid_request");
    expect(error?.issues).toEqual([
      { field: "transactionId", message: "must be at least 1" },
      {
        field: "paymentMethod",
        message: `must be one of ${PAYMENT_METHODS.join(", ")}`,
      },
      { field: "note", message: "must be at most 20 characters" },
    ]);
  });

  test("the types: a good body compiles, a bad one does not", () => {
    const consumer = join(scratch, "consumer.ts");
    const source = `import type { operations, paths } from ${JSON.stringify(declarations.replace(/\.d\.ts$/, ".js"))};
type Body = operations["amendPayment"]["requestBody"]["content"]["application/json"];
type Answer = paths[${JSON.stringify(PATH)}]["post"]["responses"][200]["content"]["application/json"];
export const good: Body = { transactionId: 5, paymentMethod: "nexi" };
export const answer: Answer = { changed: true };
// @ts-expect-error paymentMethod is an enum
export const wrongMethod: Body = { transactionId: 5, paymentMethod: "cash" };
// @ts-expect-error transactionId is required
export const missing: Body = { paymentMethod: "nexi" };
`;
    ts.sys.writeFile(consumer, source);
    const program = ts.createProgram([consumer], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: false,
      types: [],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
    // A whole TypeScript program, without skipLibCheck: CPU-bound, and several
    // times slower when every core is busy (37 s measured beside a busy loop per core).
  }, 180_000);
});

describe("raw calls the new operation like Pay invoice", () => {
  const received: {
    scenario: string;
    path: string;
    authorization: string | undefined;
    body: string;
  }[] = [];
  let url = "";
  let limitedOnce = false;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const [, scenario = "", ...rest] = (req.url ?? "").split("/");
    received.push({
      scenario,
      path: `/${rest.join("/")}`,
      authorization: req.headers.authorization,
      body,
    });
    const send = (status: number, text: string, headers = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(text);
    };
    if (scenario == "ok") return send(200, '{"changed":true}');
    if (scenario == "limited-once") {
      if (limitedOnce) return send(200, '{"changed":true}');
      limitedOnce = true;
      return send(429, "{}", { "retry-after": "0" });
    }
    if (scenario == "bad") return send(400, "");
    // "hang": never answers.
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  // The client's own types do not know the scratch operation; the generated path is enough.
  const post = (scenario: string, options: { timeoutMs?: number } = {}) =>
    createRawClient({
      baseUrl: `${url}/${scenario}`,
      accessToken: "added-token",
      ...options,
    }).POST(
      generated.AMEND_PAYMENT_PATH as never,
      {
        body: { transactionId: 5, paymentMethod: "nexi" },
      } as never,
    ) as Promise<{ data?: unknown; error?: unknown; response: Response }>;

  test("the same token, on the generated path", async () => {
    const { data } = await post("ok");
    expect(data).toEqual({ changed: true });
    expect(received.at(-1)).toEqual({
      scenario: "ok",
      path: PATH,
      authorization: "Bearer added-token",
      body: '{"transactionId":5,"paymentMethod":"nexi"}',
    });
  });

  test("the same retries: a 429 with Retry-After is sent again", async () => {
    const { data } = await post("limited-once");
    expect(data).toEqual({ changed: true });
    expect(received.filter((r) => r.scenario == "limited-once")).toHaveLength(2);
  });

  test("the same timeout, as a ConnectError", async () => {
    const error = await rejectionOf(post("hang", { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe("timeout");
  });

  test("the same error mapping: an empty 400 is { code: bad_request }", async () => {
    const { error, response } = await post("bad");
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: "bad_request", status: 400 });
  });
});
