// How the sandbox reads the spec, on specs written for the test: a spec that
// lacks what the sandbox needs fails at start with a sentence naming it,
// never with a TypeError from deep inside.
import { describe, expect, it } from "vitest";
import {
  enumOf,
  oauthFacts,
  operationPath,
  operationsOf,
  paymentMethodLabels,
  requestExample,
  responseExample,
  type Operation,
  type Spec,
} from "../../src/spec.js";

function specWith(
  paths: Spec["paths"],
  components: Partial<Spec["components"]> = {},
  loginServers: Spec["x-login-servers"] = { test: { url: "https://login.test/user" } },
): Spec {
  return {
    "x-pay-page": { path: "/pay", query: [] },
    "x-payment-change-page": { path: "/change", query: [] },
    "x-login-servers": loginServers,
    paths,
    components: { schemas: {}, ...components },
  };
}

const withExamples = (examples: Record<string, { value?: unknown }> | undefined): Operation =>
  ({
    operationId: "op",
    requestBody: { content: { "application/json": { ...(examples && { examples }) } } },
    responses: { "200": { content: { "application/json": { ...(examples && { examples }) } } } },
  }) as Operation;

describe("operations by id", () => {
  it("finds an operation's path, and names an id the spec does not have", () => {
    const spec = specWith({
      "/a": { get: { operationId: "first" } },
      "/b": { post: { operationId: "second" } },
    });
    expect(operationPath(spec, "second")).toBe("/b");
    expect(() => operationPath(spec, "third")).toThrow("The spec has no operation third");
  });

  it("lists every method's operation with an id, and nothing else a path item holds", () => {
    const item = {
      get: { operationId: "g" },
      put: { operationId: "u" },
      post: { operationId: "p" },
      delete: { operationId: "d" },
      patch: { operationId: "a" },
      head: { operationId: "h" },
      options: { operationId: "o" },
      trace: { operationId: "t" },
      summary: { operationId: "s" },
    } as unknown as Spec["paths"][string];
    const spec = specWith({ "/x": item, "/y": { get: {}, post: { operationId: "py" } } });
    expect(
      operationsOf(spec).map(({ path, method, operationId }) => `${method} ${path} ${operationId}`),
    ).toEqual(["get /x g", "put /x u", "post /x p", "delete /x d", "patch /x a", "post /y py"]);
  });
});

describe("examples", () => {
  it("gives the first example of a request and of a response", () => {
    const spec = specWith({
      "/e": { post: withExamples({ one: { value: { n: 1 } }, two: { value: { n: 2 } } }) },
    });
    expect(requestExample(spec, "op")).toEqual({ n: 1 });
    expect(responseExample(spec, "op", "200")).toEqual({ n: 1 });
  });

  it.each([
    ["no examples", withExamples(undefined)],
    ["an empty set of examples", withExamples({})],
    ["an example without a value", withExamples({ one: {} })],
    ["an example that is text", withExamples({ one: { value: "text" } })],
    [
      "no JSON content",
      { operationId: "op", requestBody: { content: {} }, responses: { "200": { content: {} } } },
    ],
    ["no content", { operationId: "op", requestBody: {}, responses: { "200": {} } }],
    ["no body and no responses", { operationId: "op" }],
  ])("names what is missing: %s", (_, operation: Operation) => {
    const spec = specWith({ "/e": { post: operation } });
    expect(() => requestExample(spec, "op")).toThrow("The spec has no example of op's request");
    expect(() => responseExample(spec, "op", "200")).toThrow(
      "The spec has no example of op's 200 response",
    );
  });

  it("names a status the operation does not answer", () => {
    const spec = specWith({ "/e": { post: withExamples({ one: { value: {} } }) } });
    expect(() => responseExample(spec, "op", "404")).toThrow("no example of op's 404 response");
  });
});

describe("enums and labels", () => {
  it("gives an enum's values, and names a schema without any", () => {
    const spec = specWith(
      {},
      {
        schemas: { Colour: { enum: ["red"] }, Empty: { enum: [] }, Plain: { type: "string" } },
      },
    );
    expect(enumOf(spec, "Colour")).toEqual(["red"]);
    for (const name of ["Empty", "Plain", "Missing"]) {
      expect(() => enumOf(spec, name)).toThrow(`The spec has no enum ${name}`);
    }
  });

  it("gives the payment methods' descriptions, or none", () => {
    const described = specWith(
      {},
      {
        schemas: { PaymentMethod: { "x-enumDescriptions": { nexi: "Card" } } },
      },
    );
    expect(paymentMethodLabels(described)).toEqual({ nexi: "Card" });
    expect(paymentMethodLabels(specWith({}))).toEqual({});
  });
});

describe("the login server's OAuth facts", () => {
  const flow = (authorizationCode: Record<string, unknown>) => ({
    securitySchemes: { connectId: { flows: { authorizationCode } } },
  });

  it("reads the paths under the login server and the scopes", () => {
    const spec = specWith(
      {},
      flow({
        authorizationUrl: "https://login.test/user/oauth/authorize",
        tokenUrl: "https://login.test/user/oauth/token",
        scopes: { a: "", b: "" },
      }),
    );
    expect(oauthFacts(spec)).toEqual({
      authorizePath: "/oauth/authorize",
      tokenPath: "/oauth/token",
      scopes: ["a", "b"],
    });
  });

  it.each([
    ["no security schemes", {}],
    ["no connectId scheme", { securitySchemes: {} }],
    ["no flows", { securitySchemes: { connectId: {} } }],
    ["no authorization code flow", { securitySchemes: { connectId: { flows: {} } } }],
  ])("names the missing URL: %s", (_, components) => {
    expect(() => oauthFacts(specWith({}, components))).toThrow(
      "The spec's OAuth URL undefined is under no login server",
    );
  });

  it("refuses a URL under no login server, even one that starts with its name", () => {
    const elsewhere = specWith(
      {},
      flow({
        authorizationUrl: "https://elsewhere.test/user/oauth/authorize",
        tokenUrl: "https://login.test/user/oauth/token",
      }),
    );
    expect(() => oauthFacts(elsewhere)).toThrow(
      "The spec's OAuth URL https://elsewhere.test/user/oauth/authorize is under no login server",
    );
    const lookalike = specWith(
      {},
      flow({
        authorizationUrl: "https://login.test/username/authorize",
        tokenUrl: "https://login.test/user/oauth/token",
      }),
    );
    expect(() => oauthFacts(lookalike)).toThrow("is under no login server");
  });
});
