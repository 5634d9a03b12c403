import type { PaymentMethodItem } from "@connect-payment/types";
import {
  createChangePaymentMethod,
  type ChangePaymentMethodInput,
  type ChangePaymentMethodResult,
} from "./change-payment-method.js";
import {
  createConfirmInvoicePayment,
  type ConfirmInvoicePaymentInput,
  type ConfirmInvoicePaymentOptions,
  type InvoicePaymentConfirmation,
} from "./confirm-invoice-payment.js";
import {
  createGetInvoiceDetails,
  createListInvoices,
  type InvoiceDetails,
  type InvoiceDetailsQuery,
  type InvoiceList,
  type ListInvoicesQuery,
} from "./invoices.js";
import { createListPaymentMethods } from "./list-payment-methods.js";
import { resolveOptions, type ConnectClientOptions } from "./options.js";
import { createPayInvoice, type PayInvoiceInput, type PayInvoiceResult } from "./pay-invoice.js";

/** A client for the Payment API, made by {@link createConnectClient}. */
export interface ConnectClient {
  /**
   * Starts paying an invoice. Resolves only when the API answered 200 with
   * `success: true` and an integer `transactionId`; otherwise throws {@link ConnectError}.
   * A body that breaks the spec is rejected before anything is sent.
   *
   * @param body - the invoice and how to pay it
   * @param options - `signal` cancels the call (code `aborted`)
   */
  payInvoice(body: PayInvoiceInput, options?: { signal?: AbortSignal }): Promise<PayInvoiceResult>;

  /**
   * Lists a product's payment methods for the logged-in customer. A
   * `paymentMethod` the SDK does not know is passed through, never rejected.
   * Resolves to the items (an empty array when the response has none); a
   * product code that breaks the spec is rejected before anything is sent.
   *
   * @param productCode - the product, 1 to 12 characters
   * @param options - `signal` cancels the call (code `aborted`)
   */
  listPaymentMethods(
    productCode: string,
    options?: { signal?: AbortSignal },
  ): Promise<PaymentMethodItem[]>;

  /**
   * Starts changing a product's payment method. Resolves only when the API
   * answered 200 with an integer `paymentChangeId`, to send the customer to
   * the change page with (`buildPaymentChangeUrl` of `@connect-payment/redirect`);
   * otherwise throws {@link ConnectError}. Like `payInvoice`, it is retried only
   * when the request was certainly not processed (a 429, or never sent).
   *
   * @param productCode - the product, 1 to 12 characters
   * @param body - the method to change to
   * @param options - `signal` cancels the call (code `aborted`)
   */
  changePaymentMethod(
    productCode: string,
    body: ChangePaymentMethodInput,
    options?: { signal?: AbortSignal },
  ): Promise<ChangePaymentMethodResult>;

  /**
   * Lists the logged-in customer's invoices and reminders for a product: the
   * `invoiceNumber` and `companyCode` to pay, and the provider's record of
   * what was invoiced and paid. Read each invoice with `readInvoice`.
   * Without `from` and `to` the provider may answer only the latest invoice.
   * A query that breaks the spec (a `from` of `2024-13-45`) is rejected
   * before anything is sent.
   *
   * @param productCode - the product, 1 to 12 characters
   * @param query - `unpaid: true` for unpaid invoices only; `from` and `to` as `YYYY-MM-DD`
   * @param options - `signal` cancels the call (code `aborted`)
   *
   * @example
   * ```ts
   * import { createConnectClient } from "@connect-payment/client";
   *
   * declare const customerAccessToken: string;
   * const client = createConnectClient({ accessToken: customerAccessToken });
   * const { invoices, reminders } = await client.listInvoices("CO27409", {
   *   unpaid: true,
   *   from: "2025-01-01",
   *   to: "2025-12-31",
   * });
   * ```
   */
  listInvoices(
    productCode: string,
    query?: ListInvoicesQuery,
    options?: { signal?: AbortSignal },
  ): Promise<InvoiceList>;

  /**
   * The details of one invoice (its offers and their lines), or of one of its
   * reminders. The provider shows none of the fields: they pass through unchecked.
   *
   * @param query - the company code, the invoice number (an integer here) and the reminder number (0 for the invoice)
   * @param options - `signal` cancels the call (code `aborted`)
   *
   * @example
   * ```ts
   * import { createConnectClient } from "@connect-payment/client";
   *
   * declare const customerAccessToken: string;
   * const client = createConnectClient({ accessToken: customerAccessToken });
   * const details = await client.getInvoiceDetails({
   *   companyCode: "68979834",
   *   invoiceNumber: 7435367,
   *   reminderNumber: 0,
   * });
   * ```
   */
  getInvoiceDetails(
    query: InvoiceDetailsQuery,
    options?: { signal?: AbortSignal },
  ): Promise<InvoiceDetails>;

  /**
   * Reads the provider's own record of an invoice: the one call that can
   * decide what to grant (the return link's status cannot). Asks for the whole
   * list (paid invoices included) in a wide date window, finds the invoice
   * by number and company, and while the record says `unpaid` or
   * `partly_paid`, asks again with backoff until `waitMs` has passed (the
   * record may lag the customer's return). Resolves `paid` only when the
   * record's `paidAmount` reaches its `invoiceAmount`; an invoice the record
   * does not hold is `not_found`, never paid.
   *
   * @param invoice - the product, company and invoice number Pay invoice was called with
   * @param options - `waitMs` (default 0: one reading), `signal`, the date window `from`/`to`, `timeZone`
   *
   * @example
   * ```ts
   * import { createConnectClient } from "@connect-payment/client";
   *
   * declare const customerAccessToken: string;
   * const client = createConnectClient({ accessToken: customerAccessToken });
   * const { state } = await client.confirmInvoicePayment(
   *   { productCode: "CO27409", companyCode: "68979834", invoiceNumber: "7435367" },
   *   { waitMs: 10_000 },
   * );
   * if (state === "paid") {
   *   // grant what the invoice pays for
   * }
   * ```
   */
  confirmInvoicePayment(
    invoice: ConfirmInvoicePaymentInput,
    options?: ConfirmInvoicePaymentOptions,
  ): Promise<InvoicePaymentConfirmation>;
}

/**
 * Creates a client. Checks the options at once: bad ones throw
 * {@link ConnectError} with code `invalid_request`, naming every bad option.
 *
 * @param options - only `accessToken` is required
 *
 * @example
 * ```ts
 * import { createConnectClient } from "@connect-payment/client";
 *
 * declare const customerAccessToken: string; // from the customer's ConnectID login
 * const client = createConnectClient({ accessToken: customerAccessToken });
 * ```
 */
export function createConnectClient(options: ConnectClientOptions): ConnectClient {
  const settings = resolveOptions(options);
  const listInvoices = createListInvoices(settings);
  return {
    payInvoice: createPayInvoice(settings),
    listPaymentMethods: createListPaymentMethods(settings),
    changePaymentMethod: createChangePaymentMethod(settings),
    listInvoices,
    getInvoiceDetails: createGetInvoiceDetails(settings),
    confirmInvoicePayment: createConfirmInvoicePayment(listInvoices),
  };
}
