/**
 * This file is generated from openapi/connect-payment.yaml by scripts/generate.mjs.
 * Do not edit it by hand: change the spec and run `pnpm generate`.
 */

/** ConnectID login servers (the `loginServer` role), from the spec's `x-login-servers`. */
export const LOGIN_SERVERS = {
  norway: "https://connectid.no/user",
  sweden: "https://connectid.se/user",
  test: "https://api-test.mediaconnect.no/login",
} as const;

/** Every documented payment result, from `components.schemas.PaymentResultStatus`. */
export const PAYMENT_RESULT_STATUSES = [
  "finished",
  "cancelled",
  "failed",
  "unknown",
  "initiated",
  "error",
] as const;

/** The path of the page on a login server, from the spec's `x-pay-page`. */
export const PAY_PAGE_PATH = "/payment/invoice/pay";

/** The path of the page on a login server, from the spec's `x-payment-change-page`. */
export const PAYMENT_CHANGE_PAGE_PATH = "/paymentChange";
