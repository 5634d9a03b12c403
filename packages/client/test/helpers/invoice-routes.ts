// The test server's routes for the Invoice section: a GET whose path and
// query parameters are each checked against the spec's schema for it, by a
// real JSON Schema validator, so a client that drifts from the spec fails.
import {
  INVOICE_DETAILS_PATH,
  LIST_INVOICES_PATH,
  operation,
  spec,
  validatorAt,
} from "../../../../openapi/fixtures.mjs";

interface Parameter {
  name: string;
  in: "path" | "query";
  required?: boolean;
  schema: { type?: string; $ref?: string };
}

const routes = ["listInvoices", "getInvoiceDetails"].map((id) => {
  const { path, method, op } = operation(id);
  const pointer = `/paths/${path.replaceAll("/", "~1")}/${method}/parameters`;
  const parameters = (op.parameters as Parameter[]).map((parameter, index) => ({
    ...parameter,
    validate: validatorAt(`${pointer}/${index}/schema`),
  }));
  return { path, parameters };
});

/** A query value as its schema's type: `"true"` a boolean, `"7"` an integer where one is wanted. */
function typed(value: string, parameter: Parameter): unknown {
  const { $ref } = parameter.schema;
  const schema = (
    $ref ? spec.components.schemas[$ref.replace("#/components/schemas/", "")] : parameter.schema
  ) as { type?: string };
  if (schema.type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  if (schema.type === "integer" && /^-?\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * Whether a request (its path after the scenario, query included) is a valid
 * call of an Invoice operation; undefined when its path is none of theirs.
 */
export function validInvoiceRequest(
  method: string,
  url: string,
  body: unknown,
): boolean | undefined {
  const [path = "", search = ""] = url.split("?");
  for (const route of routes) {
    const [prefix = "", suffix = ""] = route.path.split(/\{[^}]+\}/);
    const templated = route.path.includes("{");
    const matches = templated
      ? path.startsWith(prefix) && path.endsWith(suffix) && !path.slice(prefix.length).includes("/")
      : path === route.path;
    if (!matches) continue;
    if (method !== "GET" || body !== undefined) return false;
    const query = new URLSearchParams(search);
    const known = new Set(route.parameters.map((p) => p.name));
    if ([...query.keys()].some((key) => !known.has(key) || query.getAll(key).length > 1))
      return false;
    return route.parameters.every((parameter) => {
      const raw =
        parameter.in === "path"
          ? decodeURIComponent(path.slice(prefix.length))
          : query.get(parameter.name);
      if (raw === null) return parameter.required !== true;
      return parameter.validate(typed(raw, parameter)) === true;
    });
  }
  return undefined;
}

export { INVOICE_DETAILS_PATH, LIST_INVOICES_PATH };
