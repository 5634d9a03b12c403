// Two sketches that are NOT what @connect-payment/client ships. They answer
// the question "how close to the floor could a client with the same
// guarantees come?", so the figures can guide changes to the client:
//
// - "payInvoice over fetch": payInvoice without openapi-fetch. Same checks as
//   the client (field rules, token function, timeout covering the body, a
//   1 MiB cap, answer shape, typed errors), one fetch call, no Request object.
// - "openapi-fetch + lean transport": the raw client keeps openapi-fetch and
//   its middleware, but the transport adds the token and the timeout to the
//   Request openapi-fetch already built instead of building a second one, and
//   uses one AbortController and one timer instead of AbortSignal.timeout()
//   and AbortSignal.any(), which cost far more per call in Node 20.
// - "the floor + a deadline": the floor with nothing added but the deadline
//   every call of the client has (one AbortController and one timer, the
//   signal passed to fetch). Its ratio to the floor is what that one
//   guarantee costs in the same run, the part of the goal no other change
//   can win back.
import createClient from "openapi-fetch";
import { ACCESS_TOKEN, MAX_LENGTHS, PAY_INVOICE_PATH, REQUEST_BODY } from "./fixtures.mjs";

const TIMEOUT_MS = 30_000;
const MAX_RESPONSE_BYTES = 2 ** 20;

function payInvoiceOverFetch({ baseUrl, fetch }, { ConnectError, PAYMENT_METHODS }) {
  const url = baseUrl + PAY_INVOICE_PATH;
  const accessToken = () => ACCESS_TOKEN;

  function assertValid(body) {
    const issues = [];
    for (const [field, max] of Object.entries(MAX_LENGTHS)) {
      const value = Object(body)[field];
      if (typeof value !== "string") issues.push({ field, message: "must be a string" });
      else if ([...value].length > max) issues.push({ field, message: `at most ${max}` });
    }
    if (!PAYMENT_METHODS.includes(Object(body).paymentMethod)) {
      issues.push({ field: "paymentMethod", message: "must be a payment method" });
    }
    if (issues.length) throw new ConnectError("invalid_request", "Invalid", { issues });
  }

  return async function call(body = REQUEST_BODY, signal) {
    assertValid(body);
    const token = typeof accessToken === "function" ? await accessToken() : accessToken;
    const timeout = deadline(TIMEOUT_MS, signal);
    let response;
    let text;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: timeout.signal,
      });
      if (Number(response.headers.get("content-length")) > MAX_RESPONSE_BYTES) {
        throw new ConnectError("unexpected_response", "Response larger than 1 MiB");
      }
      text = await response.text();
    } catch (error) {
      if (error instanceof ConnectError) throw error;
      throw new ConnectError(timeout.signal.aborted ? "timeout" : "network", "No answer");
    } finally {
      timeout.done();
    }
    if (!response.ok) throw new ConnectError("server_error", `HTTP ${response.status}`);
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      // json stays undefined: the shape check below rejects it.
    }
    if (json?.success !== true || !Number.isSafeInteger(json.transactionId)) {
      throw new ConnectError("unexpected_response", "Unexpected answer");
    }
    return json.transactionId;
  };
}

/**
 * A timeout covering headers and body, as one AbortController and one timer
 * (AbortSignal.timeout and AbortSignal.any cost far more per call in Node 20).
 * `done()` clears the timer and the listener on the caller's signal.
 */
function deadline(ms, callerSignal) {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, ms);
  callerSignal?.addEventListener("abort", abort, { once: true });
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", abort);
    },
  };
}

function openapiFetchLeanTransport({ baseUrl, fetch }) {
  const accessToken = () => ACCESS_TOKEN;
  async function transport(request) {
    const token = typeof accessToken === "function" ? await accessToken() : accessToken;
    request.headers.set("Authorization", `Bearer ${token}`);
    // Read once, so a retry of a request that never left can send it again.
    const body = await request.text();
    const timeout = deadline(TIMEOUT_MS, request.signal);
    try {
      // The Request openapi-fetch built lends its URL, method and headers; no second Request.
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body,
        signal: timeout.signal,
      });
      if (Number(response.headers.get("content-length")) > MAX_RESPONSE_BYTES) {
        throw new Error("Response larger than 1 MiB");
      }
      // Read while the timeout runs; a string makes the cheapest new Response.
      return new Response(await response.text(), response);
    } finally {
      timeout.done();
    }
  }
  const client = createClient({ baseUrl, fetch: transport });
  return async function call() {
    const { data, error, response } = await client.POST(PAY_INVOICE_PATH, { body: REQUEST_BODY });
    if (error !== undefined || !data) throw new Error(`HTTP ${response.status}`);
    return data.transactionId;
  };
}

/** The floor, with one deadline over the headers and the body, as the client has. */
function floorWithDeadline({ baseUrl, fetch }) {
  const url = baseUrl + PAY_INVOICE_PATH;
  const headers = { authorization: `Bearer ${ACCESS_TOKEN}`, "content-type": "application/json" };
  return async function call() {
    const timeout = deadline(TIMEOUT_MS);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify(REQUEST_BODY),
        signal: timeout.signal,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = await response.json();
      return data.transactionId;
    } finally {
      timeout.done();
    }
  };
}

/** The sketches as extra contenders (they need ConnectError and PAYMENT_METHODS from the client). */
export function sketchContenders(sdk) {
  return [
    {
      id: "sketch-direct",
      label: "sketch, not shipped: payInvoice over fetch, no openapi-fetch",
      sketch: true,
      make: (io) => payInvoiceOverFetch(io, sdk),
    },
    {
      id: "sketch-lean",
      label: "sketch, not shipped: openapi-fetch + lean transport",
      sketch: true,
      make: openapiFetchLeanTransport,
    },
    {
      id: "sketch-deadline",
      label: "sketch, not shipped: the floor + a deadline, nothing else",
      sketch: true,
      make: floorWithDeadline,
    },
  ];
}
