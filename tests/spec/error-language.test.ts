// The spec speaks the provider's error language: the rate-limit headers from
// the provider's docs, the error bodies public integrations read (marked as
// such), and one rule for a valid transactionId shared with the client.
import { describe, expect, test } from "vitest";
import { TRANSACTION_ID } from "../../packages/client/src/generated/spec.js";
import { operation as byId } from "../../openapi/fixtures.mjs";
import { keysOf, loadSpec } from "./load-spec.js";

const spec = loadSpec();
const operation = byId("payInvoice").op;
const schemas = spec.components.schemas;
const headerNames = (status: string) => keysOf(operation.responses[status].headers);

describe("rate limits", () => {
  test("429 declares X-RateLimit-Remaining, X-RateLimit-Reset and Retry-After", () => {
    expect(headerNames("429")).toEqual(
      expect.arrayContaining(["X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"]),
    );
  });

  test("X-RateLimit-Reset says it may be a count of seconds or an epoch time", () => {
    const reset = spec.components.headers["X-RateLimit-Reset"];
    expect(reset.description).toMatch(/epoch/);
    expect(reset.description).toMatch(/far\s+above 60 can only be an epoch time/);
  });

  test("Retry-After, which the provider does not document, is marked as the SDK's", () => {
    expect(spec.components.headers["Retry-After"]["x-source"]).toBe("sdk");
  });
});

describe("error bodies from integrations", () => {
  test("401 answers an OAuth error body with invalid_token, marked as from integrations", () => {
    const unauthorized = operation.responses["401"];
    expect(unauthorized["x-source"]).toBe("integrations");
    expect(unauthorized.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/OAuthError",
    );
    expect(schemas.OAuthError["x-source"]).toBe("integrations");
    expect(keysOf(schemas.OAuthError.properties)).toEqual(["error", "error_description"]);
    expect(unauthorized.content["application/json"].examples.invalidToken.value.error).toBe(
      "invalid_token",
    );
  });

  test("400 answers { exceptionType, errorMessage }, from integrations, never required", () => {
    expect(operation.responses["400"].content["application/json"].schema.$ref).toBe(
      "#/components/schemas/ApiError",
    );
    expect(schemas.ApiError["x-source"]).toBe("integrations");
    expect(keysOf(schemas.ApiError.properties)).toEqual(["exceptionType", "errorMessage"]);
    expect(schemas.ApiError.required).toBeUndefined();
    expect(schemas.OAuthError.required).toBeUndefined();
  });

  test("provider facts stay as they were: the 500 still has no body", () => {
    expect(operation.responses["500"].content).toBeUndefined();
  });
});

describe("transactionId", () => {
  const id = schemas.TransactionId;

  test("is an int64 from 1 to 2^53 - 1, marked as the SDK's rule", () => {
    expect(schemas.PayInvoiceResponse.properties.transactionId.$ref).toBe(
      "#/components/schemas/TransactionId",
    );
    expect(id).toMatchObject({ type: "integer", format: "int64", minimum: 1 });
    expect(id.maximum).toBe(2 ** 53 - 1);
    expect(id["x-source"]).toBe("sdk");
  });

  test("the client's runtime rule is generated from the spec's", () => {
    expect(TRANSACTION_ID).toEqual({ minimum: id.minimum, maximum: id.maximum });
  });
});
