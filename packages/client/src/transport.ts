import { ConnectError, invalidRequest } from "./errors.js";
import type { AccessToken, ResolvedOptions } from "./options.js";
import { causeCode, neverSent, parseRetryAfter, sleep } from "./retry.js";

/** Calls the token function (once per request) and checks what it gives. */
async function resolveToken(accessToken: AccessToken): Promise<string> {
  let token: unknown;
  let cause: unknown;
  try {
    token = typeof accessToken === "function" ? await accessToken() : accessToken;
  } catch (error) {
    cause = error;
  }
  if (typeof token !== "string" || token.trim() === "") {
    throw invalidRequest(
      "access token",
      [{ field: "accessToken", message: cause ? "function threw" : "must be a non-empty string" }],
      cause,
    );
  }
  return token;
}

// Pay invoice answers with a few bytes; far more means something else answered.
const MAX_RESPONSE_BYTES = 2 ** 20;

/** Reads the whole body while the timeout still runs, refusing answers over 1 MiB. */
async function readBody(response: Response): Promise<Blob> {
  const chunks: BlobPart[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      void reader.cancel().catch(() => {});
      throw new ConnectError("unexpected_response", "Answer larger than 1 MiB", {
        status: response.status,
      });
    }
    chunks.push(value as Uint8Array<ArrayBuffer>);
  }
  return new Blob(chunks);
}

/**
 * A `fetch` for openapi-fetch that adds the token, a timeout covering headers
 * and body, and the safe retries. Everything it throws is a ConnectError. The
 * token lives only in this closure and in the outgoing headers.
 */
export function createTransport(options: ResolvedOptions): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const caller = request.signal;
    // Read once, so a retry can send the same bytes again.
    const body = request.body ? await request.arrayBuffer() : null;
    const headers = new Headers(request.headers);
    headers.set("Authorization", `Bearer ${await resolveToken(options.accessToken)}`);

    const aborted = () => new ConnectError("aborted", "Aborted by the caller's signal");

    for (let attempt = 0; ; attempt++) {
      if (caller.aborted) throw aborted();
      const timeout = AbortSignal.timeout(options.timeoutMs);
      let response: Response;
      try {
        response = await options.fetch(request.url, {
          method: request.method,
          headers,
          body,
          redirect: request.redirect,
          signal: AbortSignal.any([caller, timeout]),
        });
        const blob = await readBody(response);
        // An empty body must be null: a 204 answer may not carry one.
        response = new Response(blob.size ? blob : null, response);
      } catch (error) {
        if (error instanceof ConnectError) throw error;
        if (caller.aborted) throw aborted();
        if (timeout.aborted) {
          throw new ConnectError("timeout", `No complete answer within ${options.timeoutMs} ms`);
        }
        if (attempt < options.maxRetries && neverSent(error)) {
          await sleep(options.retryDelayMs(attempt), caller);
          continue;
        }
        const code = causeCode(error);
        throw new ConnectError(
          "network",
          `Network error${typeof code === "string" ? ` (${code})` : ""}`,
        );
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
