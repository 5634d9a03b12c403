// Every example in the spec must be valid against the schema it illustrates,
// checked by a real JSON Schema 2020-12 validator (OpenAPI 3.1's dialect).
import { describe, expect, test } from "vitest";
import { operation, validatorAt } from "../../openapi/fixtures.mjs";
import { entriesOf, loadSpec, type Spec } from "./load-spec.js";

const spec = loadSpec();
/** Validates a value against the schema at a pointer into the spec (one shared validator). */
function check(pointer: string, value: unknown) {
  const validate = validatorAt(pointer);
  const valid = validate(value);
  return { valid, errors: validate.errors };
}

const escape = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

interface Example {
  where: string;
  schemaPointer: string;
  value: unknown;
}

/** Finds schema-level `examples` and media-type `examples` throughout the spec. */
function collectExamples(document: Spec): Example[] {
  const found: Example[] = [];
  const visitSchema = (schema: Spec, pointer: string) => {
    if (!schema || typeof schema !== "object") return;
    for (const value of schema.examples ?? []) {
      found.push({ where: pointer, schemaPointer: pointer, value });
    }
    for (const [name, property] of entriesOf(schema.properties)) {
      visitSchema(property, `${pointer}/properties/${escape(name)}`);
    }
  };
  for (const [name, schema] of entriesOf(document.components.schemas)) {
    visitSchema(schema, `/components/schemas/${escape(name)}`);
  }
  const visitContent = (content: Spec, pointer: string) => {
    for (const [mediaType, media] of entriesOf(content)) {
      const mediaPointer = `${pointer}/content/${escape(mediaType)}`;
      for (const [name, example] of entriesOf(media.examples)) {
        found.push({
          where: `${mediaPointer}/examples/${name}`,
          schemaPointer: `${mediaPointer}/schema`,
          value: example.value,
        });
      }
    }
  };
  for (const [path, item] of entriesOf(document.paths)) {
    for (const [method, operation] of entriesOf(item)) {
      const pointer = `/paths/${escape(path)}/${method}`;
      visitContent(operation.requestBody?.content, `${pointer}/requestBody`);
      for (const [status, response] of entriesOf(operation.responses)) {
        visitContent(response.content, `${pointer}/responses/${status}`);
      }
    }
  }
  return found;
}

describe("examples in the spec", () => {
  const examples = collectExamples(spec);

  test("the spec has the examples from the provider's page", () => {
    const where = examples.map((e) => e.where);
    const at = (id: string) => {
      const { path, method } = operation(id);
      return `/paths/${escape(path)}/${method}`;
    };
    const json = "content/application~1json/examples";
    expect(where).toContain(`${at("payInvoice")}/requestBody/${json}/creditcard`);
    expect(where).toContain(`${at("payInvoice")}/responses/200/${json}/success`);
    expect(where).toContain(`${at("listPaymentMethods")}/responses/200/${json}/sample`);
    expect(where).toContain(`${at("changePaymentMethod")}/requestBody/${json}/payExCard`);
    expect(where).toContain(`${at("changePaymentMethod")}/responses/200/${json}/success`);
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  test.each(examples.map((e) => [e.where, e] as const))("%s is valid", (_where, example) => {
    const { valid, errors } = check(example.schemaPointer, example.value);
    expect(errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test("the validator rejects an example that breaks the schema", () => {
    // The examples change, not the schemas, so the spec's own validator applies.
    const broken = structuredClone(spec);
    broken.components.schemas.PayInvoiceRequest.examples[0].paymentMethod = "cash";
    broken.components.schemas.PayInvoiceRequest.examples[0].invoiceNumber = "12345678901";
    const [example] = collectExamples(broken).filter(
      (e) => e.schemaPointer === "/components/schemas/PayInvoiceRequest",
    );
    const { valid, errors } = check(example!.schemaPointer, example!.value);
    expect(valid).toBe(false);
    expect(errors?.map((e) => e.instancePath).sort()).toEqual(["/invoiceNumber", "/paymentMethod"]);
  });
});
