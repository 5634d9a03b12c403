import type { paths } from "@connect-payment/types";
import createClient, { type Client } from "openapi-fetch";
import { invalid } from "./errors.js";
import { parseJson } from "./json.js";
import { resolveOptions, type ConnectClientOptions } from "./options.js";
import { pathIssues } from "./path-parameters.js";
import { send, type Received } from "./send.js";
import { codeOfStatus } from "./status-code.js";

// The entry `@connect-payment/client/raw`: only code that imports it bundles
// openapi-fetch, so an app that uses `payInvoice` alone never loads it.

/**
 * The body openapi-fetch turns into `{ error }` for a non-2xx response: the
 * response's JSON or text with the token redacted, or, when the response is empty,
 * `{ code, status, message }`, so `error` is never undefined or "" for a
 * failure (openapi-fetch gives `error: undefined` for an empty body).
 */
function errorBody({ response, text, redact }: Received): string {
  const { status } = response;
  if (!text.trim()) {
    const code = codeOfStatus(status);
    return JSON.stringify({
      code,
      status,
      message: `The API answered HTTP ${status} (${code}) with an empty body`,
    });
  }
  const parsed = parseJson(text);
  return parsed === undefined ? (redact(text) as string) : JSON.stringify(redact(parsed));
}

/**
 * Creates the typed openapi-fetch client for every path of the spec, with the
 * same options, token, timeout, retries and errors as `createConnectClient`:
 * API responses come back as openapi-fetch's `{ data, error, response }`, and a
 * timeout, abort, network failure or unusable response throws `ConnectError`.
 * Checks the options at once, like `createConnectClient`.
 *
 * @param options - the same options as `createConnectClient`; only `accessToken` is required
 *
 * @example
 * ```ts
 * import { PAY_INVOICE_PATH, type PayInvoiceRequest } from "@connect-payment/client";
 * import { createRawClient } from "@connect-payment/client/raw";
 *
 * declare const customerAccessToken: string;
 * declare const body: PayInvoiceRequest;
 * const raw = createRawClient({ accessToken: customerAccessToken, timeoutMs: 10_000 });
 * const { data, error, response } = await raw.POST(PAY_INVOICE_PATH, { body });
 * ```
 */
export function createRawClient(options: ConnectClientOptions): Client<paths> {
  const settings = resolveOptions(options);
  // A CommonJS build may receive openapi-fetch's whole `exports` object as the
  // default import instead of the function; take `.default` in that case.
  const create =
    (createClient as unknown as { default?: typeof createClient }).default ?? createClient;
  // Its `fetch` hands each Request (after any middleware) to `send`, like
  // `payInvoice`, then gives openapi-fetch a Response made from the text `send`
  // read: 2xx responses exactly as received.
  const client = create<paths>({
    baseUrl: settings.baseUrl,
    headers: settings.headers,
    fetch: async (request) => {
      const received = await send(settings, {
        url: request.url,
        method: request.method,
        headers: Object.fromEntries(request.headers),
        body: (await request.text()) || null,
        signal: request.signal,
      });
      const { response, text } = received;
      // openapi-fetch would throw a bare SyntaxError on a 2xx response that is not JSON.
      if (response.ok && parseJson(text) === undefined) throw received.fail("unexpected_response");
      // The body is already decoded and may be rewritten: its old length and encoding no longer apply.
      const headers = new Headers(response.headers);
      headers.delete("content-length");
      headers.delete("content-encoding");
      const init = { status: response.status, statusText: response.statusText, headers };
      // A 2xx body is handed over untouched (and empty must be null: a 204 may not carry one).
      return new Response(response.ok ? text || null : errorBody(received), init);
    },
  });
  // The Request is already resolved when `fetch` sees it (`/x/..` is then `/`), so
  // path parameters are checked here, from the values given, before anything is sent.
  client.use({
    onRequest: ({ params }) => {
      const issues = pathIssues((params as { path?: Record<string, unknown> }).path ?? {});
      if (issues.length) throw invalid("path parameter", issues);
      return undefined;
    },
  });
  return client;
}
