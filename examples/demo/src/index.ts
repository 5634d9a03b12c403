export { startDemo, DEMO_ACCESS_TOKEN, type Demo, type DemoOptions } from "./demo.js";
export { startMerchant, type Merchant, type MerchantOptions } from "./merchant.js";
export {
  walkFlow,
  walkForgery,
  WalkError,
  type WalkOptions,
  type WalkOutcome,
  type WalkResult,
} from "./walk.js";
export { DEMO_INVOICE, PAYMENT_METHOD_LABELS, SCENARIOS } from "./invoice.js";
