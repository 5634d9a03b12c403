export { startSandbox, DEFAULT_STATUS_PARAM } from "./sandbox.js";
export type { Sandbox, SandboxOptions } from "./sandbox.js";
export { SANDBOX_TRIGGERS, RETRY_AFTER_SECONDS } from "./triggers.js";
export type { SandboxTrigger } from "./triggers.js";
export type { Transaction, PayPageOutcome } from "./transactions.js";
export type { Issue } from "./request-schema.js";
export { DEFAULT_OAUTH_CLIENT, SANDBOX_CUSTOMERS } from "./oauth/index.js";
export type { SandboxCustomer, SandboxOAuthClient, SandboxOAuthOptions } from "./oauth/index.js";
