// The router and the rules it reads, over a small spec written for these
// tests: the edges the Connect spec does not reach today (a `~` or a `.` in a
// path, a parameter typed through `$ref`, a required response header, an
// operation with more than one security scheme), so the next operations
// added to the spec find them already right.
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, type ApiResponse } from "../../src/answers.js";
import type { OperationModule, OperationState } from "../../src/operations/operation.js";
import { operationRules, type OperationRules } from "../../src/operation-rules.js";
import { createResponseCheck, createSchemaCheck } from "../../src/request-schema.js";
import { createApiRouter, type RawApiRequest } from "../../src/router.js";
import type { Operation, Spec } from "../../src/spec.js";

const THING = {
  type: "object",
  required: ["id"],
  properties: {
    id: { type: "integer", format: "int64" },
    kind: { enum: ["small", "large"] },
    nested: { type: "object", properties: { count: { type: "integer", format: "int32" } } },
  },
};

const getThing: Operation = {
  operationId: "getThing",
  parameters: [
    { name: "thingId", in: "path", required: true, schema: { type: "integer", format: "int32" } },
    { name: "open", in: "query", schema: { $ref: "#/components/schemas/Flag" } },
    { name: "limit", in: "query", schema: { type: "integer", maximum: 50 } },
    { name: "day", in: "query", schema: { type: "string", format: "date" } },
    { name: "size", in: "query", required: true, schema: { enum: ["small", "large"] } },
  ],
  responses: {
    "200": {
      content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
      headers: { "X-Trace-Id": { required: true }, "X-Optional": {} },
    },
    "204": {},
  },
};

const makeThing: Operation = {
  operationId: "makeThing",
  security: [{ clientToken: [] }],
  parameters: [{ name: "thingId", in: "path", required: true, schema: { type: "string" } }],
  requestBody: {
    content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
  },
  responses: { "201": { content: { "application/json": { schema: { type: "object" } } } } },
};

/** A spec with the edges; `paths` and `components` can be swapped per test. */
function specWith(paths: Spec["paths"], components: Partial<Spec["components"]> = {}): Spec {
  return {
    "x-pay-page": { path: "/pay", query: [] },
    "x-payment-change-page": { path: "/change", query: [] },
    "x-login-servers": {},
    security: [{ customerLogin: [] }],
    paths,
    components: {
      schemas: { Flag: { type: "boolean" }, Thing: THING },
      securitySchemes: {
        customerLogin: { flows: { authorizationCode: {} } },
        clientToken: { flows: { clientCredentials: {} } },
        plainBearer: {},
      },
      ...components,
    },
  };
}

const SPEC = specWith({
  "/v1/things/{thingId}.json": { get: getThing, post: makeThing },
  "/v1/odd~name/{thingId}": { get: { ...getThing, operationId: "getOdd" } },
  "/v1/unanswered": { get: { operationId: "unanswered", responses: { "200": {} } } },
});

/** The rules of one operation of a spec, by its id. */
function rulesOf(spec: Spec, operationId: string): OperationRules {
  const found = operationRules(spec)
    .flatMap((path) => [...path.byMethod.values()])
    .find((rules) => rules.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

describe("the rules read from the spec", () => {
  afterEach(() => vi.restoreAllMocks());

  it("knows OpenAPI's integer formats and `date` without a word of warning", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const rules = rulesOf(specWith({ "/v1/things/{thingId}.json": { get: getThing } }), "getThing");
    expect(rules.pathParameters[0]!.check(7)).toEqual([]);
    expect(
      rules.checkResponse({
        status: 200,
        contentType: "application/json",
        headers: { "x-trace-id": "t" },
        body: { id: 9_007_199_254_740_991, nested: { count: 3 } },
      }),
    ).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it("refuses a day that is not on the calendar", () => {
    const day = rulesOf(SPEC, "getThing").queryParameters.find(({ name }) => name === "day")!;
    expect(day.check("2025-02-28")).toEqual([]);
    expect(day.check("2025-02-30")).toEqual([
      { field: "day", message: 'must match format "date"' },
    ]);
  });

  it("reads a parameter's type through `$ref`, and the type of one written inline", () => {
    const [open, limit, , size] = rulesOf(SPEC, "getThing").queryParameters;
    expect(open).toMatchObject({ name: "open", required: false, type: "boolean" });
    expect(limit).toMatchObject({ name: "limit", type: "integer" });
    expect(size).toMatchObject({ name: "size", required: true, type: undefined });
  });

  it("finds the schemas of a path with `~` in it (JSON pointer escaping)", () => {
    const rules = rulesOf(SPEC, "getOdd");
    expect(rules.pathParameters[0]!.check("x")).toEqual([
      { field: "thingId", message: "must be integer" },
    ]);
    const [pathRules] = operationRules(specWith({ "/v1/odd~name/{thingId}": { get: getThing } }));
    expect(pathRules!.pattern.exec("/v1/odd~name/7")?.slice(1)).toEqual(["7"]);
  });

  it("matches a `.` in a path template as a dot, and each `{name}` as one segment", () => {
    const { pattern } = operationRules(SPEC)[0]!;
    expect(pattern.exec("/v1/things/7.json")?.slice(1)).toEqual(["7"]);
    expect(pattern.test("/v1/things/7xjson")).toBe(false);
    expect(pattern.test("/v1/things/7/8.json")).toBe(false);
    expect(pattern.test("/prefix/v1/things/7.json")).toBe(false);
  });

  it("fails loudly on a parameter whose `$ref` names no schema", () => {
    const dangling: Operation = {
      operationId: "dangling",
      parameters: [{ name: "q", in: "query", schema: { $ref: "#/components/schemas/Gone" } }],
      responses: { "200": {} },
    };
    expect(() => operationRules(specWith({ "/v1/q": { get: dangling } }))).toThrow(
      "can't resolve reference #/components/schemas/Gone",
    );
  });

  it("fails loudly on a parameter without a schema", () => {
    const noSchema: Operation = {
      operationId: "noSchema",
      parameters: [{ name: "q", in: "query" }],
      responses: { "200": {} },
    };
    expect(() => operationRules(specWith({ "/v1/q": { get: noSchema } }))).toThrow(
      "The spec has nothing at /paths/~1v1~1q/get/parameters/0/schema",
    );
  });

  it("has a body check only for a JSON request body, named `body` at the top", () => {
    const body = rulesOf(SPEC, "makeThing").body!;
    expect(body("text")).toEqual([{ field: "body", message: "must be object" }]);
    expect(body({ id: "x", kind: "huge" })).toEqual([
      { field: "id", message: "must be integer" },
      { field: "kind", message: 'must be one of "small", "large"' },
    ]);
    const textOnly: Operation = {
      operationId: "textOnly",
      requestBody: { content: { "text/plain": { schema: { type: "string" } } } },
      responses: { "200": {} },
    };
    const noContent: Operation = { operationId: "noContent", requestBody: {}, responses: {} };
    const spec = specWith({ "/v1/text": { post: textOnly }, "/v1/empty": { post: noContent } });
    expect(rulesOf(spec, "textOnly").body).toBeUndefined();
    expect(rulesOf(spec, "noContent").body).toBeUndefined();
  });

  it("names a nested field by its dotted path", () => {
    expect(rulesOf(SPEC, "makeThing").body!({ id: 1, nested: { count: "x" } })).toEqual([
      { field: "nested.count", message: "must be integer" },
    ]);
  });

  it("takes the client's token only when every scheme the operation names is client credentials", () => {
    const taking = (security: Operation["security"] | undefined, schemes = true) => {
      const operation: Operation = {
        operationId: "op",
        responses: {},
        ...(security && { security }),
      };
      const spec = specWith({ "/v1/op": { get: operation } });
      if (!schemes) delete spec.components.securitySchemes;
      return rulesOf(spec, "op").takes;
    };
    expect(taking([{ clientToken: [] }])).toBe("client");
    expect(taking(undefined)).toBe("customer");
    expect(taking([])).toBe("customer");
    expect(taking([{ customerLogin: [] }, { clientToken: [] }])).toBe("customer");
    expect(taking([{ clientToken: [] }, { notInTheSpec: [] }])).toBe("customer");
    expect(taking([{ plainBearer: [] }])).toBe("customer");
    expect(taking([{ clientToken: [] }], false)).toBe("customer");
  });
});

describe("the check of an answer against the spec", () => {
  const check = rulesOf(SPEC, "getThing").checkResponse;
  const answer = { contentType: "application/json", headers: { "x-trace-id": "t" } };

  it("passes an answer that conforms, with a charset on its media type", () => {
    const body = { id: 1, kind: "small" };
    expect(check({ ...answer, status: 200, body })).toEqual([]);
    expect(
      check({ ...answer, status: 200, body, contentType: "application/json; charset=utf-8" }),
    ).toEqual([]);
    expect(check({ ...answer, status: 204, contentType: undefined, body: undefined })).toEqual([]);
  });

  it("names a status the spec does not declare", () => {
    expect(check({ ...answer, status: 418, body: {} })).toEqual([
      { field: "status", message: "418 is not a response the spec declares" },
    ]);
  });

  it("names a required header left out, in any case, and not an optional one", () => {
    expect(check({ ...answer, status: 200, headers: {}, body: { id: 1 } })).toEqual([
      { field: "header X-Trace-Id", message: "is required by the spec" },
    ]);
  });

  it("names a body that is not JSON, or breaks the schema", () => {
    expect(check({ ...answer, status: 200, contentType: "text/html", body: "<p>" })).toEqual([
      { field: "content-type", message: "must be application/json, got text/html" },
    ]);
    expect(check({ ...answer, status: 200, contentType: undefined, body: "<p>" })).toEqual([
      { field: "content-type", message: "must be application/json, got undefined" },
    ]);
    expect(check({ ...answer, status: 200, body: { kind: "huge" } })).toEqual([
      { field: "id", message: "must have required property 'id'" },
      { field: "kind", message: 'must be one of "small", "large"' },
    ]);
  });

  it("checks the answers of a path with `~` in it", () => {
    const odd = rulesOf(SPEC, "getOdd").checkResponse;
    expect(odd({ ...answer, status: 200, body: { id: "x" } })).toEqual([
      { field: "id", message: "must be integer" },
    ]);
  });

  it("checks a POST when no method is named, and declares nothing for a path not in the spec", () => {
    const made = createResponseCheck(SPEC, "/v1/things/{thingId}.json");
    expect(made({ status: 201, contentType: "application/json", headers: {}, body: [] })).toEqual([
      { field: "body", message: "must be object" },
    ]);
    for (const [path, method] of [
      ["/v1/nowhere", "get"],
      ["/v1/unanswered", "post"],
    ]) {
      const none = createResponseCheck(SPEC, path!, method);
      expect(none({ status: 200, contentType: undefined, headers: {}, body: {} })).toEqual([
        { field: "status", message: "200 is not a response the spec declares" },
      ]);
    }
  });

  it("names a parameter's own field when its value is refused whole", () => {
    const checkOpen = createSchemaCheck(SPEC, "/components/schemas/Flag", "open");
    expect(checkOpen("yes")).toEqual([{ field: "open", message: "must be boolean" }]);
    expect(createSchemaCheck(SPEC, "/components/schemas/Flag")(1)).toEqual([
      { field: "body", message: "must be boolean" },
    ]);
  });
});

describe("the router over the spec's operations", () => {
  /** An operation that answers with the values the router read for it. */
  const echo = (operationId: string): OperationModule => ({
    operationId,
    answer: (values): ApiResponse => json(200, { id: 1, ...values }, { "x-trace-id": "t" }),
  });
  const router = createApiRouter(
    SPEC,
    [echo("getThing"), echo("getOdd")],
    {} as OperationState,
    () => ({ customer: "kari" }),
  );
  const request = (overrides: Partial<RawApiRequest>): RawApiRequest => ({
    method: "GET",
    path: "/v1/things/7.json",
    query: new URLSearchParams("size=small"),
    authorization: "Bearer token",
    contentType: undefined,
    body: "",
    ...overrides,
  });
  const query = (text: string) => {
    const routed = router(request({ query: new URLSearchParams(text) }))!;
    return { status: (routed.response as { status: number }).status, routed };
  };
  const bodyOf = (response: ApiResponse) => (response as { body: Record<string, unknown> }).body;

  it("routes only the operations it has a module for", () => {
    const routed = router(request({ method: "POST", body: "{}" }))!;
    expect(routed.response).toMatchObject({ status: 405, headers: { allow: "GET" } });
    expect(router(request({ path: "/v1/unanswered" }))).toBeUndefined();
    expect(router(request({ path: "/v1/elsewhere" }))).toBeUndefined();
  });

  it("names every method a path takes when it refuses another", () => {
    const both = createApiRouter(SPEC, [echo("getThing"), echo("makeThing")], {} as OperationState);
    const routed = both(request({ method: "PUT" }))!;
    expect(routed.response).toMatchObject({
      status: 405,
      headers: { allow: "GET, POST" },
      body: { error: "method_not_allowed" },
    });
    expect(routed.requestIssues).toEqual([
      { field: "method", message: "must be one of GET, POST" },
    ]);
    expect(routed.responseIssues).toEqual([
      { field: "method", message: "PUT is not an operation of the spec" },
    ]);
  });

  it("reads the path parameter, decoded, and refuses one that cannot be decoded", () => {
    expect(bodyOf(router(request({ path: "/v1/odd~name/%37" }))!.response)).toMatchObject({
      params: { thingId: "7" },
    });
    const routed = router(request({ path: "/v1/odd~name/%E0%A4%A" }))!;
    expect(routed.response).toMatchObject({ status: 400 });
    expect(routed.requestIssues).toEqual([
      { field: "thingId", message: "must be a valid percent-encoded path segment" },
    ]);
  });

  it("reads a flag as the spec types it: bare, true, false, or refused", () => {
    const flag = (text: string) => bodyOf(query(`size=small&${text}`).routed.response);
    expect(flag("open")).toMatchObject({ query: { open: true } });
    expect(flag("open=true")).toMatchObject({ query: { open: true } });
    expect(flag("open=false")).toMatchObject({ query: { open: false } });
    expect(query("size=small&open=yes").routed.requestIssues).toEqual([
      { field: "open", message: "must be boolean" },
    ]);
  });

  it("reads an integer only when it is all digits", () => {
    expect(bodyOf(query("size=small&limit=-7").routed.response)).toMatchObject({
      query: { limit: -7 },
    });
    for (const text of ["7x", "x7", "1234567890123456"]) {
      expect(query(`size=small&limit=${text}`).routed.requestIssues).toEqual([
        { field: "limit", message: "must be integer" },
      ]);
    }
  });

  it("names a required parameter left out, with the provider's 400 words", () => {
    const { status, routed } = query("");
    expect(status).toBe(400);
    expect(routed.requestIssues).toEqual([{ field: "size", message: "is required" }]);
    expect(bodyOf(routed.response)).toMatchObject({ errorMessage: "size: is required" });
    expect(bodyOf(query("size=huge&limit=51").routed.response)).toMatchObject({
      errorMessage: 'limit: must be <= 50; size: must be one of "small", "large"',
    });
  });

  it("checks its own answers against the spec", () => {
    expect(query("size=small").routed.responseIssues).toEqual([]);
    const strayAnswer: OperationModule = {
      operationId: "getThing",
      answer: () => json(200, { kind: "huge" }),
    };
    const strict = createApiRouter(SPEC, [strayAnswer], {} as OperationState);
    expect(strict(request({}))!.responseIssues).toEqual([
      { field: "header X-Trace-Id", message: "is required by the spec" },
      { field: "id", message: "must have required property 'id'" },
      { field: "kind", message: 'must be one of "small", "large"' },
    ]);
  });
});
