/**
 * Invoice numbers that make the sandbox's API give one of its other answers,
 * the way test card numbers do at card payment providers. Every other valid
 * invoice number is paid normally. Each fits the spec's `maxLength: 10`.
 */
export const SANDBOX_TRIGGERS = {
  /** `200 { "success": false }`: the payment was not added. */
  notAdded: "2000000000",
  /** `429` with `Retry-After: 1`, every time. */
  rateLimited: "4290000000",
  /** `500` with a JSON body. */
  serverError: "5000000000",
} as const;

export type SandboxTrigger = keyof typeof SANDBOX_TRIGGERS;

/** Seconds the sandbox asks a client to wait in its 429 answer. */
export const RETRY_AFTER_SECONDS = 1;

export function triggerFor(invoiceNumber: string): SandboxTrigger | undefined {
  const found = Object.entries(SANDBOX_TRIGGERS).find(([, value]) => value === invoiceNumber);
  return found?.[0] as SandboxTrigger | undefined;
}
