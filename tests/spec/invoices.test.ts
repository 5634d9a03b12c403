// The Invoice section as the provider's pages show it: every field of the
// sample, each of the pages' own inconsistencies kept and marked (`x-drift`),
// each unexplained field marked (`x-gap`), answers open to fields not listed,
// and the same error language as the Payment section's operations.
import { describe, expect, test } from "vitest";
import {
  INVOICE,
  INVOICE_REMINDER,
  LIST_INVOICES_RESPONSE,
  operation,
  validatorAt,
} from "../../openapi/fixtures.mjs";
import { keysOf, loadSpec, type Spec } from "./load-spec.js";

const spec = loadSpec();
const schemas = spec.components.schemas;
const list = operation("listInvoices");
const details = operation("getInvoiceDetails");
const parameter = (op: typeof list, name: string) =>
  (op.op.parameters as { name: string; in: string; required?: boolean; schema: unknown }[]).find(
    (p) => p.name === name,
  );
const resolve = (node: Spec): Spec => {
  const ref = (node as { $ref?: string }).$ref;
  return ref ? schemas[ref.replace("#/components/schemas/", "")] : node;
};

describe("List invoices and reminders for product", () => {
  test("is a GET on the provider's path, with the customer's token", () => {
    expect(list.method).toBe("get");
    expect(list.path.endsWith("/{product}")).toBe(true);
    expect(list.op.security).toEqual([{ connectId: ["read"] }]);
    expect(list.op["x-source"]).toBe("provider-docs");
  });

  test("product in the path (1 to 12), unpaid, from and to in the query", () => {
    expect(parameter(list, "product")).toMatchObject({
      in: "path",
      required: true,
      schema: { type: "string", minLength: 1, maxLength: 12 },
    });
    expect(parameter(list, "unpaid")).toMatchObject({ in: "query", schema: { type: "boolean" } });
    for (const name of ["from", "to"]) {
      expect(parameter(list, name)).toMatchObject({
        in: "query",
        required: false,
        schema: { type: "string", format: "date", maxLength: 10 },
      });
    }
  });

  test("a from of 2024-13-45 breaks the spec; 2024-02-29 does not", () => {
    const index = (list.op.parameters as { name: string }[]).findIndex((p) => p.name === "from");
    const from = validatorAt(
      `/paths/${list.path.replaceAll("/", "~1")}/get/parameters/${index}/schema`,
    );
    expect(from("2024-13-45")).toBe(false);
    expect(from("2023-02-29")).toBe(false);
    expect(from("2024-02-29")).toBe(true);
  });

  test("the example keeps every field of the provider's sample", () => {
    expect(keysOf(INVOICE).sort()).toEqual(keysOf(schemas.Invoice.properties).sort());
    expect(keysOf(INVOICE_REMINDER).sort()).toEqual(
      keysOf(schemas.InvoiceReminder.properties).sort(),
    );
    expect(keysOf(LIST_INVOICES_RESPONSE)).toEqual(["invoices", "reminders"]);
  });

  test("the sample's own inconsistencies are kept in the example", () => {
    expect(typeof INVOICE.invoiceNumber).toBe("string");
    expect(typeof INVOICE_REMINDER.invoiceNumber).toBe("number");
    expect(typeof INVOICE.invoiceAmount).toBe("string");
    expect(typeof INVOICE.dueDate).toBe("string");
    expect(typeof INVOICE_REMINDER.dueDate).toBe("number");
  });

  test("each drift is marked and accepts every form the pages show", () => {
    for (const name of ["InvoiceAmount", "InvoiceDate", "InvoiceNumber"]) {
      expect(schemas[name]["x-drift"], name).toEqual(expect.any(String));
      expect(
        (schemas[name].examples as unknown[]).map((value) => typeof value),
        name,
      ).toEqual(["string", "number"]);
      const validate = validatorAt(`/components/schemas/${name}`);
      for (const value of schemas[name].examples) expect(validate(value), name).toBe(true);
      expect(validate(true), name).toBe(false);
    }
    expect(resolve(schemas.Invoice.properties.invoiceAmount)).toBe(schemas.InvoiceAmount);
    expect(resolve(schemas.Invoice.properties.invoiceNumber)).toBe(schemas.InvoiceNumber);
    expect(resolve(schemas.InvoiceReminder.properties.dueDate)).toBe(schemas.InvoiceDate);
  });

  test("what the pages leave unexplained is marked x-gap", () => {
    const invoice = schemas.Invoice.properties;
    for (const field of ["amount", "paymentStatus", "invoiceStatus", "paymentMethod"]) {
      expect(invoice[field]["x-gap"], field).toEqual(expect.any(String));
    }
    expect(invoice.paymentStatus.description).toMatch(/does not\s+document its codes/);
    expect(schemas.InvoiceDetailsResponse.properties.invoiceInfoWithDetail["x-gap"]).toEqual(
      expect.any(String),
    );
  });

  test("answers are open: fields not listed pass, none is required", () => {
    for (const name of [
      "ListInvoicesResponse",
      "Invoice",
      "InvoiceReminder",
      "InvoiceDetailsResponse",
    ]) {
      expect(schemas[name].additionalProperties, name).toBe(true);
      expect(schemas[name].required, name).toBeUndefined();
    }
    const validate = validatorAt("/components/schemas/ListInvoicesResponse");
    const extra = {
      ...LIST_INVOICES_RESPONSE,
      invoices: [{ ...INVOICE, currency: "NOK" }],
      next: 1,
    };
    expect(validate(extra)).toBe(true);
  });
});

describe("List invoice details", () => {
  test("companyCode (<= 12), invoiceNumber and reminderNumber (integers) in the query", () => {
    expect(details.method).toBe("get");
    expect(parameter(details, "companyCode")).toMatchObject({
      in: "query",
      required: true,
      schema: { type: "string", maxLength: 12 },
    });
    for (const name of ["invoiceNumber", "reminderNumber"]) {
      const found = parameter(details, name)!;
      expect(found).toMatchObject({ in: "query", required: true });
      expect(resolve(found.schema).type, name).toBe("integer");
    }
    expect(parameter(details, "invoiceNumber")).toHaveProperty("x-drift");
    expect(schemas.ReminderNumber.minimum).toBe(0);
  });
});

describe("the same error language as the Payment section", () => {
  const payInvoice = operation("payInvoice").op;
  test.each(["listInvoices", "getInvoiceDetails"])(
    "%s answers 400, 401, 429 and 500 alike",
    (id) => {
      const responses = operation(id).op.responses;
      expect(keysOf(responses)).toEqual(["200", "400", "401", "429", "500"]);
      for (const status of ["400", "401", "429", "500"]) {
        expect(responses[status].description, status).toBe(
          payInvoice.responses[status].description,
        );
        expect(responses[status].content?.["application/json"].schema, status).toEqual(
          payInvoice.responses[status].content?.["application/json"].schema,
        );
        expect(keysOf(responses[status].headers), status).toEqual(
          keysOf(payInvoice.responses[status].headers),
        );
      }
      expect(responses["401"]["x-source"]).toBe("integrations");
    },
  );
});
