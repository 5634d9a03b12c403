/**
 * Invoice numbers that make the sandbox's API give one of its other responses,
 * the way test card numbers do at card payment providers. Every other valid
 * invoice number is paid normally. Each fits the spec's `maxLength: 10`.
 * README.md lists what the client does with each.
 */
export const SANDBOX_TRIGGERS = {
  /** `200 { "success": false }`: the payment was not added. */
  notAdded: "2000000000",
  /** `200` whose body is HTML, not JSON. */
  notJson: "2000000001",
  /** `400 { "exceptionType", "errorMessage" }`, the provider's error body. */
  badRequest: "4000000000",
  /** `401 { "error": "invalid_token" }`: the access token expired. */
  expiredToken: "4010000000",
  /** `429` with `Retry-After: 1` and the rate-limit headers, every time. */
  rateLimited: "4290000000",
  /** `500` with a JSON body. */
  serverError: "5000000000",
  /** The connection is closed without a response. */
  droppedConnection: "5020000000",
  /** A normal response, after `slowResponseMs` (default 35 s: past the client's 30 s timeout). */
  slowResponse: "5040000000",
} as const;

/** The name of one of {@link SANDBOX_TRIGGERS}. */
export type SandboxTrigger = keyof typeof SANDBOX_TRIGGERS;

/** Seconds the sandbox asks a client to wait in its 429 response. */
export const RETRY_AFTER_SECONDS = 1;

/** How long `slowResponse` waits by default: past the client's default 30 s timeout. */
export const DEFAULT_SLOW_RESPONSE_MS = 35_000;

export function triggerFor(invoiceNumber: string): SandboxTrigger | undefined {
  const found = Object.entries(SANDBOX_TRIGGERS).find(([, value]) => value === invoiceNumber);
  return found?.[0] as SandboxTrigger | undefined;
}
