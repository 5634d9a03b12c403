// The spec's own facts and examples, for tests, benchmarks and registry
// checks, so none of them types a copy: the Pay invoice path, its example
// request and answer, and one JSON Schema 2020-12 validator (OpenAPI 3.1's
// dialect) over the whole document. Test code only: no package ships it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

export const SPEC_PATH = fileURLToPath(new URL("./connect-payment.yaml", import.meta.url));

/** The spec as plain data. */
export const spec = parse(readFileSync(SPEC_PATH, "utf8"));

/** The path and operation object of an operation, by its `operationId`. */
export function operation(id) {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (op?.operationId === id) return { path, method, op };
    }
  }
  throw new Error(`The spec has no operation ${id}`);
}

const payInvoice = operation("payInvoice");
const firstExample = (media) => Object.values(media.examples)[0].value;

/** The Pay invoice path, e.g. `/v1/api/payment/invoice`. */
export const PAY_INVOICE_PATH = payInvoice.path;

/** The spec's example Pay invoice request body (frozen: spread it to change a field). */
export const PAY_INVOICE_REQUEST = Object.freeze(
  firstExample(payInvoice.op.requestBody.content["application/json"]),
);

/** The spec's example answer to it: `{ success: true, transactionId }` (frozen). */
export const PAY_INVOICE_RESPONSE = Object.freeze(
  firstExample(payInvoice.op.responses["200"].content["application/json"]),
);

/** The `transactionId` of the example answer. */
export const TRANSACTION_ID = PAY_INVOICE_RESPONSE.transactionId;

/** The `maxLength` of every string field of the Pay invoice request that has one. */
export const MAX_LENGTHS = Object.freeze(
  Object.fromEntries(
    Object.entries(spec.components.schemas.PayInvoiceRequest.properties)
      .filter(([, property]) => property.maxLength !== undefined)
      .map(([field, property]) => [field, property.maxLength]),
  ),
);

const SPEC_ID = "https://connect-payment.invalid/openapi.json";
// strict: false because an OpenAPI document has keys (openapi, info, paths,
// x-enumDescriptions) that are not JSON Schema keywords.
// OpenAPI's `int64` names a width, not a rule (the bounds carry the rule);
// `date` is RFC 3339's full-date, checked by ajv-formats.
const ajv = new Ajv2020({ strict: false, allErrors: true, formats: { int64: true } });
addFormats(ajv, ["date"]);
ajv.addSchema({ ...spec, $id: SPEC_ID });

/**
 * A validator for the schema at a JSON pointer into the spec, e.g.
 * `/components/schemas/PayInvoiceRequest`; compiled once per pointer.
 */
export function validatorAt(pointer) {
  return ajv.getSchema(`${SPEC_ID}#${pointer}`) ?? ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
}

const listPaymentMethods = operation("listPaymentMethods");
const changePaymentMethod = operation("changePaymentMethod");

/** The path template of List and Change payment method, `/v1/product/payment/{productCode}`. */
export const PAYMENT_METHOD_PATH = changePaymentMethod.path;

/** The spec's example List payment methods answer (frozen). */
export const LIST_PAYMENT_METHODS_RESPONSE = Object.freeze(
  firstExample(listPaymentMethods.op.responses["200"].content["application/json"]),
);

/** The spec's example Change payment method request body (frozen). */
export const CHANGE_PAYMENT_METHOD_REQUEST = Object.freeze(
  firstExample(changePaymentMethod.op.requestBody.content["application/json"]),
);

/** The spec's example answer to it: `{ paymentChangeId }` (frozen). */
export const CHANGE_PAYMENT_METHOD_RESPONSE = Object.freeze(
  firstExample(changePaymentMethod.op.responses["200"].content["application/json"]),
);

/** The `paymentChangeId` of the example answer. */
export const PAYMENT_CHANGE_ID = CHANGE_PAYMENT_METHOD_RESPONSE.paymentChangeId;

/** The example product code of the List and Change payment method path (`{productCode}`). */
export const PRODUCT_CODE = listPaymentMethods.op.parameters[0].schema.examples[0];

const errorExamples = (op) =>
  Object.freeze(
    Object.fromEntries(
      ["400", "401", "413", "415"].map((status) => [
        status,
        Object.freeze(firstExample(op.responses[status].content["application/json"])),
      ]),
    ),
  );

/** The spec's example 400, 401, 413 and 415 bodies of Pay invoice, by status (frozen). */
export const PAY_INVOICE_ERRORS = errorExamples(payInvoice.op);

/** The spec's example 400, 401, 413 and 415 bodies of Change payment method, by status (frozen). */
export const PAYMENT_METHOD_ERRORS = errorExamples(changePaymentMethod.op);

/** The path of the login server's pay page, `/payment/invoice/pay`. */
export const PAY_PAGE_PATH = spec["x-pay-page"].path;

/** The path of the login server's payment change page, `/paymentChange`. */
export const PAYMENT_CHANGE_PAGE_PATH = spec["x-payment-change-page"].path;

/** The API servers by environment: `{ production, test }`. */
export const SERVERS = Object.freeze(
  Object.fromEntries(spec.servers.map((server) => [server["x-environment"], server.url])),
);

/** The login servers by name: `{ norway, sweden, test }`. */
export const LOGIN_SERVERS = Object.freeze(
  Object.fromEntries(Object.entries(spec["x-login-servers"]).map(([name, { url }]) => [name, url])),
);

/** The payment methods Pay invoice takes, in the spec's order (frozen). */
export const PAYMENT_METHODS = Object.freeze([...spec.components.schemas.PaymentMethod.enum]);

/** The payment results ConnectID appends to `returnUrl`, in the spec's order (frozen). */
export const PAYMENT_RESULT_STATUSES = Object.freeze([
  ...spec.components.schemas.PaymentResultStatus.enum,
]);

/** The List and Change payment method path for one product code, e.g. `/v1/product/payment/CO27409`. */
export const paymentMethodPath = (productCode) =>
  PAYMENT_METHOD_PATH.replace("{productCode}", productCode);

const listInvoices = operation("listInvoices");
const getInvoiceDetails = operation("getInvoiceDetails");

/** The path template of List invoices, `/v1/customer/invoice/payment/{product}`. */
export const LIST_INVOICES_PATH = listInvoices.path;

/** The path of List invoice details, `/v1/customer/invoice/details`. */
export const INVOICE_DETAILS_PATH = getInvoiceDetails.path;

/** The List invoices path for one product code, e.g. `/v1/customer/invoice/payment/CO27409`. */
export const listInvoicesPath = (product) => LIST_INVOICES_PATH.replace("{product}", product);

/** The spec's example List invoices answer, every field of the provider's sample (frozen). */
export const LIST_INVOICES_RESPONSE = Object.freeze(
  firstExample(listInvoices.op.responses["200"].content["application/json"]),
);

/** The first invoice of that answer (frozen): `invoiceNumber` a string, `invoiceAmount` "295.00". */
export const INVOICE = Object.freeze(LIST_INVOICES_RESPONSE.invoices[0]);

/** The first reminder of that answer (frozen): `invoiceNumber` an integer, dates in epoch ms. */
export const INVOICE_REMINDER = Object.freeze(LIST_INVOICES_RESPONSE.reminders[0]);

/** The spec's example List invoice details answer (frozen). */
export const INVOICE_DETAILS_RESPONSE = Object.freeze(
  firstExample(getInvoiceDetails.op.responses["200"].content["application/json"]),
);

/** The spec's example 400 and 401 bodies of List invoices, by status (frozen). */
export const LIST_INVOICES_ERRORS = Object.freeze(
  Object.fromEntries(
    ["400", "401"].map((status) => [
      status,
      Object.freeze(firstExample(listInvoices.op.responses[status].content["application/json"])),
    ]),
  ),
);
