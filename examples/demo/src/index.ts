export { startDemo, type Demo, type DemoOptions } from "./demo.js";
export { startMerchant, type Merchant, type MerchantOptions } from "./merchant.js";
export { createDemoLogin, type DemoLogin, type DemoLoginOptions } from "./login.js";
export {
  DEMO_INVOICE,
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHOD_NAMES,
  paymentMethodName,
  SCENARIOS,
} from "./invoice.js";
