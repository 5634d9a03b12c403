import type { paths } from "@connect-payment/types";
import createClient, { type Client } from "openapi-fetch";
import { answerError, parseJson } from "./errors.js";
import type { Settings } from "./options.js";
import { send } from "./send.js";

// A CommonJS build may receive openapi-fetch's whole `exports` object as the
// default import instead of the function; take `.default` in that case.
const create = ((createClient as unknown as { default?: typeof createClient }).default ??
  createClient) as typeof createClient;

/**
 * The typed openapi-fetch client, whose `fetch` hands each Request (after any
 * middleware) to the same core as `payInvoice`, then gives openapi-fetch a
 * Response made from the text the core read.
 */
export function createRawClient(settings: Settings): Client<paths> {
  return create<paths>({
    baseUrl: settings.baseUrl,
    headers: settings.headers,
    fetch: async (request) => {
      const { response, text } = await send(settings, {
        url: request.url,
        method: request.method,
        headers: Object.fromEntries(request.headers),
        body: (await request.text()) || null,
        signal: request.signal,
      });
      // openapi-fetch would throw a bare SyntaxError on a 2xx answer that is not JSON.
      if (response.ok && parseJson(text) === undefined) {
        throw answerError("unexpected_response", response.status, text);
      }
      // An empty body must be null: a 204 answer may not carry one.
      return new Response(text || null, response);
    },
  });
}
