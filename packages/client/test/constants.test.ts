import { expect, test } from "vitest";
import { PAYMENT_METHODS, SERVERS } from "../src/index.js";

test("constants come from the spec", () => {
  expect(PAYMENT_METHODS).toEqual(["creditcardPayex", "swishPayex", "vippsEcommerce", "nexi"]);
  expect(SERVERS.production).toBe("https://api.mediaconnect.no/capi");
});
