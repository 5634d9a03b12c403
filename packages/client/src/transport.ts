import { ConnectError, invalidRequest } from "./errors.js";
import type { AccessToken, ResolvedOptions } from "./options.js";
import { causeCode, neverSent, parseRetryAfter, sleep } from "./retry.js";
import { deadline } from "./timeout.js";

// Pay invoice answers with a few bytes; far more means something else answered.
const MAX_RESPONSE_BYTES = 2 ** 20;

/** Calls the token function (once per request) and checks what it gives. */
async function resolveToken(accessToken: AccessToken): Promise<string> {
  let token: unknown;
  let cause: unknown;
  try {
    token = typeof accessToken === "function" ? await accessToken() : accessToken;
  } catch (error) {
    cause = error;
  }
  if (!(token as string)?.trim?.()) {
    const message = cause ? "function threw" : "must be a non-empty string";
    throw invalidRequest("access token", [{ field: "accessToken", message }], cause);
  }
  return token as string;
}

/** Reads the body as text while the timeout runs, refusing more than 1 MiB even when chunked. */
async function readText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    if ((size += value.byteLength) > MAX_RESPONSE_BYTES) {
      void reader.cancel().catch(() => {});
      throw new ConnectError("unexpected_response", "Answer larger than 1 MiB", {
        status: response.status,
      });
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * A `fetch` for openapi-fetch that adds the token, a timeout covering headers
 * and body, and the safe retries. Everything it throws is a ConnectError. The
 * token lives only in this closure and in the outgoing headers.
 */
export function createTransport(options: ResolvedOptions): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const caller = request.signal;
    const aborted = () => new ConnectError("aborted", "Aborted by the caller's signal");
    // Read once, so a retry can send the same body again.
    const body = await request.text();
    const headers = new Headers(request.headers);
    headers.set("Authorization", `Bearer ${await resolveToken(options.accessToken)}`);

    for (let attempt = 0; ; attempt++) {
      if (caller.aborted) throw aborted();
      const timeout = deadline(options.timeoutMs, caller);
      let response: Response;
      try {
        response = await options.fetch(request.url, {
          method: request.method,
          headers,
          body: body || null,
          redirect: request.redirect,
          signal: timeout.signal,
        });
        // An empty body must be null: a 204 answer may not carry one.
        response = new Response((await readText(response)) || null, response);
      } catch (error) {
        if (error instanceof ConnectError) throw error;
        if (caller.aborted) throw aborted();
        if (timeout.signal.aborted) {
          throw new ConnectError("timeout", `No complete answer within ${options.timeoutMs} ms`);
        }
        if (attempt < options.maxRetries && neverSent(error)) {
          await sleep(options.retryDelayMs(attempt), caller);
          continue;
        }
        const code = causeCode(error);
        throw new ConnectError(
          "network",
          `Network error${typeof code == "string" ? ` (${code})` : ""}`,
        );
      } finally {
        timeout.done();
      }
      if (response.status === 429 && attempt < options.maxRetries) {
        const wait =
          parseRetryAfter(response.headers.get("Retry-After")) ?? options.retryDelayMs(attempt);
        if (wait <= options.maxRetryAfterMs) {
          await sleep(wait, caller);
          continue;
        }
      }
      return response;
    }
  };
}
