// @ts-check
// What every suite shares: the run's settings and tiny assertions that work
// in every runtime (no node:assert in browsers or workers).

/**
 * What the harness hands the scenario in every runtime.
 * @typedef {object} ScenarioEnv
 * @property {string} runtime - the runtime's name, e.g. "workerd"
 * @property {string} api - the test API server, e.g. "http://127.0.0.1:41234"
 * @property {string} run - a prefix unique to this runtime's run, so runs never share counts
 * @property {string} refusedUrl - an http URL on 127.0.0.1 where nothing listens
 * @property {boolean} neverSentRecognised - whether this runtime reports a refused connection in a way the client may retry
 * @property {Readonly<import("@connect-payment/client").PayInvoiceRequest>} body - the Pay invoice body to send, which the API server expects to the byte: the spec's example
 * @property {string} productCode - the product code to list and change payment methods of, which the API server expects: the spec's example
 * @property {number} paymentChangeId - the paymentChangeId the API server answers Change payment method with: the spec's example
 * @property {{ invoiceNumber: string, companyCode: string, invoicedMinor: number, reminderDueDateInOslo: string }} invoice - the spec's example invoice, which the API server lists and details, with what readInvoice must read of it
 * @property {string} redisUrl - a redis-server on 127.0.0.1 the harness started, for the oauth-redis suite
 * @property {SandboxUrls} sandbox - a sandbox on 127.0.0.1 the harness started, for the client-mode suite
 */

/**
 * Where the harness's sandbox listens, and the client its login server knows.
 * @typedef {object} SandboxUrls
 * @property {string} apiUrl - the client's `baseUrl`
 * @property {string} loginServer - the oauth package's `loginServer`, and the pay page's origin
 * @property {string} controlUrl - the sandbox's HTTP control path (sign a customer in, add an invoice, finish a payment)
 * @property {string} clientId - a client the login server knows
 * @property {string} clientSecret - its secret
 */

/**
 * One check: throws when something is wrong, and may return a note for the log.
 * Suites are objects of checks by name.
 * @typedef {(env: ScenarioEnv) => Promise<string | void> | string | void} Check
 * @typedef {Record<string, Check>} Suite
 */

/** The oauth suite's client and the one code exchange the test token endpoint accepts. */
export const OAUTH = Object.freeze({
  clientId: "no.mediaconnect.test",
  clientSecret: "runtime-client-secret",
  redirectUri: "https://shop.example/login/callback",
  code: "runtime-authorization-code",
  accessToken: "runtime-access-token",
});

/** The access token the scenario sends; the API server accepts only this one. */
export const TOKEN = "scenario-token-5d1c9e7b2a";

/**
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * @param {unknown} actual
 * @param {unknown} expected
 * @param {string} what
 */
export function equal(actual, expected, what) {
  const [a, b] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== b) throw new Error(`${what}: expected ${b}, got ${a}`);
}

/**
 * The API base URL for one behaviour of the test server (ok, limited, error, hang).
 * @param {ScenarioEnv} env
 * @param {string} behaviour
 */
export const apiFor = (env, behaviour) => `${env.api}/${env.run}/${behaviour}`;

/**
 * What the test server received for one behaviour in this run.
 * @param {ScenarioEnv} env
 * @param {string} behaviour
 * @returns {Promise<{ method: string; path: string; exact: boolean; problems: string[] }[]>}
 */
export async function received(env, behaviour) {
  const response = await fetch(`${env.api}/__received/${env.run}/${behaviour}`);
  return response.json();
}

/**
 * What a promise rejects with; throws when it resolves.
 * @param {Promise<unknown>} promise
 * @returns {Promise<any>}
 */
export async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, but the promise resolved");
}
