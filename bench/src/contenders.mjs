// The ways of making one Pay invoice call that the benchmark compares. Each
// factory takes a base URL and a fetch, and returns `call()`, which sends
// REQUEST_BODY and resolves to the transaction id, or throws.
import createClient from "openapi-fetch";
import { ACCESS_TOKEN, PAY_INVOICE_PATH, REQUEST_BODY } from "./fixtures.mjs";
import { sketchContenders } from "./sketches.mjs";

/** Hand-written fetch + JSON: the least any client can do. */
function floor({ baseUrl, fetch }) {
  const url = baseUrl + PAY_INVOICE_PATH;
  return async function call() {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${ACCESS_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(REQUEST_BODY),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = await response.json();
    return data.transactionId;
  };
}

/** openapi-fetch on its own, as a user would write it without this SDK. */
function openapiFetch({ baseUrl, fetch }) {
  const client = createClient({
    baseUrl,
    fetch,
    headers: { Authorization: `Bearer ${ACCESS_TOKEN}` },
  });
  return async function call() {
    const { data, error, response } = await client.POST(PAY_INVOICE_PATH, { body: REQUEST_BODY });
    if (error !== undefined || !data) throw new Error(`HTTP ${response.status}`);
    return data.transactionId;
  };
}

/** `createRawClient` of @connect-payment/client/raw: openapi-fetch plus our auth, timeout and errors. */
function raw({ baseUrl, fetch }, { createRawClient }) {
  const connect = createRawClient({ baseUrl, fetch, accessToken: ACCESS_TOKEN });
  return async function call() {
    const { data, error, response } = await connect.POST(PAY_INVOICE_PATH, {
      body: REQUEST_BODY,
    });
    if (error !== undefined || !data) throw new Error(`HTTP ${response.status}`);
    return data.transactionId;
  };
}

/** `payInvoice` of @connect-payment/client: validation, auth, timeout, typed errors. */
function payInvoice({ baseUrl, fetch }, sdk) {
  const connect = sdk.createConnectClient({ baseUrl, fetch, accessToken: ACCESS_TOKEN });
  return async function call() {
    const { transactionId } = await connect.payInvoice(REQUEST_BODY);
    return transactionId;
  };
}

/**
 * The contenders in table order. `floor` is what the others are divided by;
 * the sketches (see sketches.mjs) come last and are marked as not shipped.
 * Rows that need @connect-payment/client are left out when its build has no
 * `createConnectClient` yet.
 */
export async function loadContenders() {
  const sdk = await import("@connect-payment/client").catch(() => ({}));
  const { createRawClient } = await import("@connect-payment/client/raw").catch(() => ({}));
  const rows = [
    { id: "floor", label: "floor: hand-written fetch + JSON", make: floor },
    { id: "openapi-fetch", label: "plain openapi-fetch `POST`", make: openapiFetch },
  ];
  if (typeof sdk.createConnectClient === "function") {
    rows.push(
      { id: "raw", label: "`createRawClient().POST`", make: (io) => raw(io, { createRawClient }) },
      { id: "payInvoice", label: "`client.payInvoice`", make: (io) => payInvoice(io, sdk) },
      ...sketchContenders(sdk),
    );
  }
  return rows;
}
