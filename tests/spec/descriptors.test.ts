// One descriptor per operation, generated: every operation of the spec has
// one in the client's generated file, with its method, path, parameter and
// body rules, the rules of each answer by status, and its security.
import { describe, expect, test } from "vitest";
import * as generated from "../../packages/client/src/generated/spec.js";
import { spec } from "../../openapi/fixtures.mjs";
import { entriesOf } from "./load-spec.js";

interface Descriptor {
  id: string;
  method: string;
  path: string;
  pathRules?: Record<string, unknown>;
  queryRules?: Record<string, unknown>;
  bodyRules?: Record<string, unknown>;
  responses: Record<string, unknown>;
  security: unknown;
}

const constantCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
const operations = entriesOf(spec.paths).flatMap(([path, item]) =>
  entriesOf(item).map(([method, op]) => ({ path, method, op })),
);

describe("descriptors", () => {
  test.each(operations.map((o) => [o.op.operationId as string, o]))(
    "%s",
    (id, { path, method, op }) => {
      const descriptor = (generated as Record<string, unknown>)[constantCase(id)] as Descriptor;
      expect(descriptor).toMatchObject({ id, method: method.toUpperCase(), path });
      expect(descriptor.security).toEqual(op.security ?? spec.security);
      expect(Object.keys(descriptor.responses)).toEqual(Object.keys(op.responses as object));
      const parameters = (op.parameters ?? []) as { name: string; in: string }[];
      const names = (where: string) => parameters.filter((p) => p.in === where).map((p) => p.name);
      expect(Object.keys(descriptor.pathRules ?? {})).toEqual(names("path"));
      expect(Object.keys(descriptor.queryRules ?? {})).toEqual(names("query"));
      expect(descriptor.bodyRules === undefined).toBe(op.requestBody === undefined);
      for (const [status, response] of entriesOf(op.responses)) {
        expect(descriptor.responses[status] === null, status).toBe(
          response.content?.["application/json"] === undefined,
        );
      }
    },
  );

  test("a string-or-number field is one rule with both branches", () => {
    const rules = generated.LIST_INVOICES.responses["200"].invoices.items;
    expect(rules.invoiceAmount).toEqual({
      required: false,
      oneOf: [{ type: "string" }, { type: "number" }],
    });
    expect(generated.LIST_INVOICES.queryRules.from).toMatchObject({
      format: "date",
      maxLength: 10,
    });
  });

  test("the browser's return statuses are the redirect package's, not the client's", () => {
    expect(Object.keys(generated)).not.toContain("PAYMENT_RESULT_STATUSES");
  });
});
