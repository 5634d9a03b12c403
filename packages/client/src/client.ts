import type { PaymentMethodItem } from "@connect-payment/types";
import {
  createChangePaymentMethod,
  type ChangePaymentMethodInput,
  type ChangePaymentMethodResult,
} from "./change-payment-method.js";
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
  return {
    payInvoice: createPayInvoice(settings),
    listPaymentMethods: createListPaymentMethods(settings),
    changePaymentMethod: createChangePaymentMethod(settings),
  };
}
