import type { PayInvoiceRequest } from "@connect-payment/types";
import { resolveOptions, type ConnectClientOptions } from "./options.js";
import { payInvoiceWith, type PayInvoiceResult } from "./pay-invoice.js";

/** A client for the Pay invoice API, made by {@link createConnectClient}. */
export interface ConnectClient {
  /**
   * Starts paying an invoice. Resolves only when the API answered 200 with
   * `success: true` and an integer `transactionId`; otherwise throws {@link ConnectError}.
   * A body that breaks the spec is rejected before anything is sent.
   *
   * @param body - the invoice and how to pay it
   * @param options - `signal` cancels the call (code `aborted`)
   */
  payInvoice(
    body: PayInvoiceRequest,
    options?: { signal?: AbortSignal },
  ): Promise<PayInvoiceResult>;
}

/**
 * Creates a client. Checks the options at once: bad ones throw
 * {@link ConnectError} with code `invalid_request`, naming every bad option.
 *
 * @param options - only `accessToken` is required
 */
export function createConnectClient(options: ConnectClientOptions): ConnectClient {
  const settings = resolveOptions(options);
  return { payInvoice: payInvoiceWith(settings) };
}
