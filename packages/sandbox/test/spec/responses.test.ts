// Every answer of the sandbox's API, checked against the spec by a validator
// written apart from the sandbox's own (ajv over the spec's raw responses):
// the status must be one the spec declares for Pay invoice, and where the
// spec gives that status a JSON schema, the body must match it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST,
  spec,
  validatorAt,
} from "../../../../openapi/fixtures.mjs";
import { SANDBOX_TRIGGERS, startSandbox, type Sandbox } from "../../src/index.js";

const responses: Record<string, { content?: Record<string, { schema?: object }> }> =
  spec.paths[PAY_INVOICE_PATH].post.responses;
const escape = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/** Problems of one raw answer under the spec; `[]` when it conforms. */
function specProblems(status: number, contentType: string | null, text: string): string[] {
  const declared = responses[String(status)];
  if (!declared) return [`status ${status} is not declared`];
  const schema = declared.content?.["application/json"]?.schema;
  if (!schema) return [];
  if (!contentType?.startsWith("application/json")) return [`content-type ${contentType}`];
  const validate = validatorAt(
    `/paths/${escape(PAY_INVOICE_PATH)}/post/responses/${status}/content/application~1json/schema`,
  );
  return validate(JSON.parse(text))
    ? []
    : validate.errors!.map((e) => `${e.instancePath} ${e.message}`);
}

const VALID = { ...PAY_INVOICE_REQUEST, paymentMethod: "nexi" };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ slowResponseMs: 10 });
});
afterAll(() => sandbox.close());

async function send(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandbox.apiUrl}${PAY_INVOICE_PATH}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${sandbox.signIn().accessToken}`,
      "content-type": "application/json",
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    problems: specProblems(response.status, response.headers.get("content-type"), text),
  };
}

describe("every in-spec answer conforms to the spec's schema for its status", () => {
  it.each([
    ["a payment", VALID],
    ["success: false", { ...VALID, invoiceNumber: SANDBOX_TRIGGERS.notAdded }],
    ["a slow response", { ...VALID, invoiceNumber: SANDBOX_TRIGGERS.slowResponse }],
    ["the provider's 400", { ...VALID, invoiceNumber: SANDBOX_TRIGGERS.badRequest }],
    ["a 400 for a broken body", { ...VALID, invoiceNumber: "12345678901" }],
    ["429", { ...VALID, invoiceNumber: SANDBOX_TRIGGERS.rateLimited }],
    ["500", { ...VALID, invoiceNumber: SANDBOX_TRIGGERS.serverError }],
  ])("%s", async (_, body) => {
    const answer = await send(body);
    expect(answer.problems, `status ${answer.status}`).toEqual([]);
  });

  it.each([
    ["401 for an expired token", { ...VALID, invoiceNumber: SANDBOX_TRIGGERS.expiredToken }, {}],
    ["401 without a token", VALID, { authorization: "" }],
    ["415 for a text body", VALID, { "content-type": "text/plain" }],
  ])(
    "%s: conforms once the spec declares the status; until then the sandbox flags it itself",
    async (_, body, headers) => {
      const answer = await send(body, headers);
      const declared = String(answer.status) in responses;
      if (declared) expect(answer.problems).toEqual([]);
      else expect(answer.problems).toEqual([`status ${answer.status} is not declared`]);
      const logged = sandbox.requests().at(-1)!;
      expect(logged.responseIssues.length === 0).toBe(declared);
    },
  );

  it("every request it accepted (a 200) was valid under the spec", () => {
    const accepted = sandbox.requests().filter((r) => r.status === 200);
    expect(accepted.length).toBeGreaterThan(0);
    for (const entry of accepted) expect(entry.requestIssues).toEqual([]);
  });

  it("the sandbox's own check agrees on every answer it gave", () => {
    // Only the documented out-of-spec answers carry answer issues.
    for (const entry of sandbox.requests()) {
      const declared = String(entry.status) in responses;
      expect(entry.responseIssues.length === 0, `${entry.status}`).toBe(declared);
    }
  });

  it("notJson and droppedConnection are flagged as out of spec, as documented", async () => {
    const notJson = await send({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.notJson });
    expect(notJson.problems).toEqual(["content-type text/html; charset=utf-8"]);
    await send({ ...VALID, invoiceNumber: SANDBOX_TRIGGERS.droppedConnection }).catch(() => {});
    const [json, dropped] = sandbox.requests().slice(-2);
    expect(json!.responseIssues).toEqual([
      { field: "content-type", message: "must be application/json, got text/html; charset=utf-8" },
    ]);
    expect(dropped!.status).toBe("dropped");
  });
});

describe("the validator itself", () => {
  it("catches a body that breaks the schema and a status the spec does not declare", () => {
    expect(
      specProblems(200, "application/json", '{"success":"yes","transactionId":-1}'),
    ).not.toEqual([]);
    expect(specProblems(418, "application/json", "{}")).toEqual(["status 418 is not declared"]);
  });
});
