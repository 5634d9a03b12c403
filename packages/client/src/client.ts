import type { PayInvoiceRequest, paths } from "@connect-payment/types";
import createClient, { type Client } from "openapi-fetch";
import { PAY_INVOICE_PATH } from "./generated/spec.js";
import { resolveOptions, type ConnectClientOptions } from "./options.js";
import { readPayInvoiceAnswer, type PayInvoiceResult } from "./pay-invoice.js";
import { createTransport } from "./transport.js";
import { assertValidPayInvoiceRequest } from "./validate.js";

export interface ConnectClient {
  /**
   * Starts paying an invoice. Resolves only when the API answered 200 with
   * `success: true` and an integer `transactionId`; otherwise throws ConnectError.
   */
  payInvoice(
    body: PayInvoiceRequest,
    options?: { signal?: AbortSignal },
  ): Promise<PayInvoiceResult>;
  /** The typed openapi-fetch client, with the same token, timeout, retries and errors. */
  readonly raw: Client<paths>;
}

// A CommonJS build may receive openapi-fetch's whole `exports` object as the
// default import instead of the function; take `.default` in that case.
const create = ((createClient as unknown as { default?: typeof createClient }).default ??
  createClient) as typeof createClient;

export function createConnectClient(options: ConnectClientOptions): ConnectClient {
  const resolved = resolveOptions(options);
  const raw = create<paths>({
    baseUrl: resolved.baseUrl,
    headers: resolved.headers,
    fetch: createTransport(resolved),
  });

  return {
    raw,
    async payInvoice(body, { signal } = {}) {
      assertValidPayInvoiceRequest(body);
      const { data, error, response } = await raw.POST(PAY_INVOICE_PATH, {
        body,
        signal: signal ?? null,
        parseAs: "text",
      });
      return readPayInvoiceAnswer(response, response.ok ? data : error);
    },
  };
}
