import { safeCause } from "./cause.js";
import { ConnectError, invalid } from "./errors.js";
import type { Settings } from "./options.js";
import { causeCode, neverSent, parseRetryAfter, sleep } from "./retry.js";

/** What one request sends; the core adds the token and the signal. */
export interface Outgoing {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  signal?: AbortSignal | null | undefined;
}

/** The final answer: its status and headers, and its whole body as text. */
export interface Answer {
  response: Response;
  text: string;
}

// Pay invoice answers with a few bytes; far more means something else answered.
const MAX_ANSWER_BYTES = 2 ** 20;

const aborted = () => new ConnectError("aborted", "Aborted by the caller's signal");

/** Calls the token function (once per request) and checks what it gives. */
async function resolveToken({ accessToken }: Settings): Promise<string> {
  let token: unknown;
  let cause: unknown;
  try {
    token = typeof accessToken == "function" ? await accessToken() : accessToken;
  } catch (error) {
    cause = error;
  }
  if (!(token as string)?.trim?.()) {
    const message = cause ? "function threw" : "must be a non-empty string";
    throw invalid("access token", [{ field: "accessToken", message }], cause);
  }
  return token as string;
}

/**
 * The one way the client talks to the API, for both `payInvoice` and `raw`:
 * adds the token, runs one deadline over the headers and the body, retries
 * only what was certainly not processed, and turns every failure into a
 * ConnectError. The token lives only in this call and the outgoing headers.
 */
export async function send(settings: Settings, outgoing: Outgoing): Promise<Answer> {
  const { url, method, body, signal: caller } = outgoing;
  const token = await resolveToken(settings);
  const headers = { ...outgoing.headers, authorization: `Bearer ${token}` };

  for (let attempt = 0; ; attempt++) {
    if (caller?.aborted) throw aborted();
    // One controller and one timer: cheaper per call than AbortSignal.timeout() with AbortSignal.any().
    const deadline = new AbortController();
    const abort = () => deadline.abort();
    const timer = setTimeout(abort, settings.timeoutMs);
    caller?.addEventListener("abort", abort);
    let response: Response;
    let text: string;
    try {
      response = await settings.fetch(url, { method, headers, body, signal: deadline.signal });
      // A chunked answer has no length to check; the deadline bounds how much of it can arrive.
      if (Number(response.headers.get("content-length")) > MAX_ANSWER_BYTES) {
        abort();
        throw new ConnectError("unexpected_response", "Answer larger than 1 MiB", {
          status: response.status,
        });
      }
      // A server that echoes the Authorization header must not put the token into an error.
      text = (await response.text()).replaceAll(token, "[redacted]");
    } catch (error) {
      if (error instanceof ConnectError) throw error;
      if (caller?.aborted) throw aborted();
      if (deadline.signal.aborted) {
        throw new ConnectError("timeout", `No complete answer within ${settings.timeoutMs} ms`);
      }
      if (attempt < settings.maxRetries && neverSent(error)) {
        await sleep(settings.retryDelayMs(attempt), caller);
        continue;
      }
      const code = causeCode(error);
      throw new ConnectError("network", `Network error${code ? ` (${code})` : ""}`, {
        cause: safeCause(error, token),
      });
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener("abort", abort);
    }
    if (response.status == 429 && attempt < settings.maxRetries) {
      const wait =
        parseRetryAfter(response.headers.get("retry-after")) ?? settings.retryDelayMs(attempt);
      if (wait <= settings.maxRetryAfterMs) {
        await sleep(wait, caller);
        continue;
      }
    }
    return { response, text };
  }
}
