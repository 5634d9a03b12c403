export { startDemo, type Demo, type DemoOptions } from "./demo.js";
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
