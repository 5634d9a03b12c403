import { responseError } from "./response-error.js";
import { safeCause } from "./cause.js";
import { ConnectError, invalid, type ConnectErrorCode } from "./errors.js";
import type { Settings } from "./options.js";
import { readBody } from "./read-body.js";
import { redactText, redactValue } from "./redact.js";
import { codeOfStatus } from "./status-code.js";
import { causeCode, nextRetry, sleep } from "./retry.js";

/** What one request sends; `send` adds the token and the signal. */
export interface Outgoing {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  signal?: AbortSignal | null | undefined;
}

/** The final response, read: its status and headers, its whole body as text, exactly as received. */
export interface Received {
  response: Response;
  text: string;
  /** The error for this response (code by default from its status), with the token redacted from all it keeps. */
  fail(code?: ConnectErrorCode): ConnectError;
  /** A parsed (or text) body with the token redacted, for error details only. */
  redact: (value: unknown) => unknown;
}

/** The error of a call its caller aborted, wherever it stopped. */
export const aborted = (): ConnectError =>
  new ConnectError("aborted", "Aborted by the caller's signal");

/**
 * Calls the token function (once per request) and checks what it gives. A
 * function that throws (no login, a failed refresh, a store that is down) is
 * `token_unavailable`, never retried here: what it threw says what to do.
 */
async function resolveToken({ accessToken }: Settings): Promise<string> {
  let token: unknown;
  try {
    token = typeof accessToken == "function" ? await accessToken() : accessToken;
  } catch (cause) {
    // No token is known here, so there is none to redact; the cause is kept as thrown.
    throw new ConnectError(
      "token_unavailable",
      "The accessToken function gave no token; its error is the cause",
      { cause },
    );
  }
  if (!(token as string)?.trim?.()) {
    throw invalid("access token", [
      { field: "accessToken", message: "must be a non-empty string" },
    ]);
  }
  // A CR or LF would split the header: the runtime refuses it, and nothing may be sent.
  if (/[\r\n]/.test(token as string)) {
    throw invalid("access token", [{ field: "accessToken", message: "must not contain CR or LF" }]);
  }
  return token as string;
}

/**
 * The one way the client talks to the API, for every operation and for `raw`:
 * adds the token, runs one deadline over the headers and the body, retries
 * only what was certainly not processed, never follows a redirect, and turns
 * every failure into a ConnectError. The token lives only in this call, the
 * outgoing headers and the response's `fail`/`redact`.
 */
export async function send(settings: Settings, outgoing: Outgoing): Promise<Received> {
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
      // The API documents no redirect: one is never followed, so the body and
      // token go nowhere else (browsers show it as an opaque response, status 0).
      const init = { method, headers, body, signal: deadline.signal, redirect: "manual" as const };
      response = await settings.fetch(url, init);
      const { status } = response;
      if (response.type == "opaqueredirect" || status < 200 || (status > 299 && status < 400)) {
        throw new ConnectError(
          "unexpected_response",
          `The API answered HTTP ${status}, a redirect: not followed`,
          { status },
        );
      }
      text = await readBody(response);
    } catch (error) {
      if (error instanceof ConnectError) {
        abort();
        throw error;
      }
      if (caller?.aborted) throw aborted();
      if (deadline.signal.aborted) {
        throw new ConnectError("timeout", `No complete response within ${settings.timeoutMs} ms`);
      }
      const wait = nextRetry(settings, attempt, { error });
      if (wait !== undefined) {
        await sleep(wait, caller);
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
    const wait = nextRetry(settings, attempt, { response });
    if (wait !== undefined) {
      await sleep(wait, caller);
      continue;
    }
    const received = response;
    return {
      response,
      text,
      fail: (code = codeOfStatus(received.status)) => responseError(code, received, text, token),
      redact: (value) =>
        typeof value == "string" ? redactText(value, token) : redactValue(value, token),
    };
  }
}
