import { PAYMENT_RESULT_STATUSES } from "./generated/spec.js";

/** One of the six results the provider documents for the return URL. */
export type PaymentResultStatus = (typeof PAYMENT_RESULT_STATUSES)[number];

/**
 * What a return URL says: a documented result, `"missing"` (no result) or
 * `"unrecognized"` (anything else, including two results or one given twice).
 */
export type PaymentReturnStatus = PaymentResultStatus | "missing" | "unrecognized";

/** Results after which this payment attempt will not change any more. */
export type FinalStatus = "finished" | RetryableStatus;

/** Results after which the customer may be offered to try again. */
export type RetryableStatus = "cancelled" | "failed" | "error";

const RETRYABLE: readonly string[] = ["cancelled", "failed", "error"] satisfies RetryableStatus[];

/**
 * The provider does not document the name of the parameter that carries the
 * result. The readers find it by its value among what ConnectID added; this
 * name is the last fallback, and an assumption: confirm it against the
 * provider's test environment, or pass `param`.
 */
export const DEFAULT_STATUS_PARAM = "paymentStatus";

/**
 * The only status that claims payment. The customer can write it into the URL:
 * use it to choose what to show, never to grant anything.
 *
 * @example
 * ```ts
 * import { isPaid, parsePaymentReturn } from "@connect-payment/redirect";
 *
 * const { status } = parsePaymentReturn("https://shop.example/return?paymentStatus=finished");
 * const heading = isPaid(status) ? "Thank you" : "Your payment did not go through";
 * ```
 */
export const isPaid = (status: PaymentReturnStatus): status is "finished" => status === "finished";

/**
 * True once the attempt has ended; `initiated` and `unknown` may still change.
 *
 * @example
 * ```ts
 * import { isFinalStatus, type PaymentReturnStatus } from "@connect-payment/redirect";
 *
 * declare const status: PaymentReturnStatus;
 * // Still open: show "we are waiting for the provider" rather than a result.
 * const waiting = !isFinalStatus(status);
 * ```
 */
export const isFinalStatus = (status: PaymentReturnStatus): status is FinalStatus =>
  isPaid(status) || canRetry(status);

/**
 * True when it makes sense to offer the customer another attempt.
 *
 * @example
 * ```ts
 * import { canRetry, type PaymentReturnStatus } from "@connect-payment/redirect";
 *
 * declare const status: PaymentReturnStatus;
 * const offerRetryButton = canRetry(status);
 * ```
 */
export const canRetry = (status: PaymentReturnStatus): status is RetryableStatus =>
  RETRYABLE.includes(status);

/** Maps all the values of the status parameter to a status; never throws. */
export const toStatus = (values: string[]): PaymentReturnStatus =>
  values.length === 0
    ? "missing"
    : values.length === 1 && (PAYMENT_RESULT_STATUSES as readonly string[]).includes(values[0]!)
      ? (values[0] as PaymentResultStatus)
      : "unrecognized";
