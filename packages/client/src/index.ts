export { PAYMENT_METHODS, SERVERS } from "./generated/spec.js";
