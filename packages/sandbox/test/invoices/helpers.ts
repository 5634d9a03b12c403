// What a merchant does around invoices, against a sandbox: list them, pay
// one, and come back; and an independent check of every answer against the spec.
import {
  INVOICE_DETAILS_PATH,
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST,
  PAY_PAGE_PATH,
  listInvoicesPath,
  spec,
  validatorAt,
} from "../../../../openapi/fixtures.mjs";
import type { PayPageOutcome, Sandbox } from "../../src/index.js";

export const PRODUCT = PAY_INVOICE_REQUEST.productCode;
export const COMPANY = PAY_INVOICE_REQUEST.companyCode;

export interface ListedInvoice {
  invoiceNumber: string;
  companyCode: string;
  invoiceAmount: string | number;
  paidAmount: string | number;
  invoiceDate: string | number;
  sandboxTrigger?: string;
}

const escape = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/** Problems of an answer under the spec, by a validator apart from the sandbox's own. */
function specProblems(path: string, status: number, body: unknown): string[] {
  const declared = (
    spec.paths[path].get.responses as Record<string, { content?: Record<string, unknown> }>
  )[String(status)];
  if (!declared) return [`status ${status} is not declared`];
  if (!declared.content) return [];
  const validate = validatorAt(
    `/paths/${escape(path)}/get/responses/${status}/content/application~1json/schema`,
  );
  return validate(body) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`);
}

/** GET an Invoice operation as the customer; its status, body and problems under the spec. */
async function get(sandbox: Sandbox, template: string, path: string, customer = "kari") {
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${sandbox.signIn(customer).accessToken}` },
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, problems: specProblems(template, response.status, body) };
}

/** List invoices for the product, with its query. */
export async function listInvoices(
  sandbox: Sandbox,
  query: Record<string, string> = {},
  customer = "kari",
  product = PRODUCT,
) {
  const search = new URLSearchParams(query).toString();
  const answer = await get(
    sandbox,
    "/v1/customer/invoice/payment/{product}",
    `${listInvoicesPath(product)}${search ? `?${search}` : ""}`,
    customer,
  );
  return answer as typeof answer & {
    body: { invoices: ListedInvoice[]; reminders: Record<string, unknown>[] };
  };
}

/** Every invoice of the product over a wide window (without dates only the latest comes). */
export const everyInvoice = async (sandbox: Sandbox, customer = "kari") =>
  (await listInvoices(sandbox, { from: "1970-01-01", to: "2999-12-31" }, customer)).body.invoices;

/** List invoice details. */
export const invoiceDetails = (
  sandbox: Sandbox,
  query: Record<string, string>,
  customer = "kari",
) =>
  get(
    sandbox,
    INVOICE_DETAILS_PATH,
    `${INVOICE_DETAILS_PATH}?${new URLSearchParams(query)}`,
    customer,
  );

/** Pay invoice as the customer; the answer's status and body. */
export async function payInvoice(
  sandbox: Sandbox,
  invoice: { invoiceNumber: string; companyCode?: string; productCode?: string },
  customer = "kari",
) {
  const response = await fetch(`${sandbox.apiUrl}${PAY_INVOICE_PATH}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${sandbox.signIn(customer).accessToken}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ ...PAY_INVOICE_REQUEST, ...invoice }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Pay the invoice and choose `outcome` on the pay page; the URL the customer comes back to. */
export async function payAndChoose(
  sandbox: Sandbox,
  invoiceNumber: string,
  outcome: PayPageOutcome,
  customer = "kari",
): Promise<string> {
  const { body } = await payInvoice(sandbox, { invoiceNumber }, customer);
  const query = new URLSearchParams({
    clientId: "no.mediaconnect.test",
    returnUrl: "https://shop.example/return",
    errorUrl: "https://shop.example/error",
    transactionId: String(body.transactionId),
  });
  return sandbox.completePayment(`${sandbox.loginServer}${PAY_PAGE_PATH}?${query}`, outcome);
}

/** The invoice of that number in the listing, or `undefined`. */
export const byNumber = (invoices: ListedInvoice[], invoiceNumber: string) =>
  invoices.find((invoice) => String(invoice.invoiceNumber) === invoiceNumber);
