export { LOGIN_SERVERS, PAYMENT_RESULT_STATUSES } from "./generated/spec.js";
