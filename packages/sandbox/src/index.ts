export { startSandbox, DEFAULT_STATUS_PARAM } from "./sandbox.js";
export type { Sandbox, SandboxClientToken, SandboxOptions, SandboxTokenSet } from "./sandbox.js";
export { SandboxControlError } from "./control-error.js";
export { completeLogin } from "./complete-login.js";
export type { CompleteLoginOptions } from "./complete-login.js";
export { SANDBOX_TRIGGERS, RETRY_AFTER_SECONDS, DEFAULT_SLOW_RESPONSE_MS } from "./triggers.js";
export type { SandboxTrigger } from "./triggers.js";
export { MAX_TRANSACTION_ID, isTransactionId } from "./transactions.js";
export type { Transaction, PaymentChange, PayPageOutcome } from "./transactions.js";
export { SANDBOX_PRODUCT_TRIGGERS } from "./operations/payment-method-triggers.js";
export type { ReceivedRequest } from "./received.js";
export type { Issue } from "./request-schema.js";
export type { RateLimitCounts, SandboxRateLimits } from "./rate-limits.js";
export { DEFAULT_OAUTH_CLIENT, SANDBOX_CUSTOMERS } from "./oauth/index.js";
export type {
  SandboxCustomer,
  SandboxOAuthClient,
  SandboxOAuthOptions,
  SignInRequest,
} from "./oauth/index.js";
export { SANDBOX_RECORD_TRIGGERS } from "./invoices/seed.js";
export type { SandboxRecordTrigger } from "./invoices/seed.js";
export { DEFAULT_PAID_RECORD_DELAY_MS } from "./invoices/record.js";
export type { SandboxInvoice, SandboxInvoiceInput } from "./invoices/input.js";
