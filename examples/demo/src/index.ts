export { startDemo, type Demo, type DemoOptions } from "./demo.js";
export { startDemoProcesses, type DemoProcesses, type DemoProcessesOptions } from "./processes.js";
export { memoryState } from "./memory-state.js";
export { redisState, type RedisStateOptions } from "./redis-state.js";
export { startRedisServer, type RedisServer } from "./redis-server.js";
export type { DemoState, SessionTokens } from "./state.js";
export type { Ledger, Table } from "./tables.js";
export { startMerchant, type Merchant, type MerchantOptions } from "./merchant.js";
export type { Grant, UnconfirmedPayment } from "./record.js";
export { createDemoLogin, type DemoLogin, type DemoLoginOptions } from "./login.js";
export {
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHOD_NAMES,
  paymentMethodName,
  PRODUCT,
  scenarioOf,
} from "./invoice.js";
export type { BackOfficeRun, BackOfficeCredentials } from "./back-office.js";
