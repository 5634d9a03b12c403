import { expect, test } from "vitest";
import { LOGIN_SERVERS, PAYMENT_RESULT_STATUSES } from "../src/index.js";

test("constants come from the spec", () => {
  expect(PAYMENT_RESULT_STATUSES).toHaveLength(6);
  expect(LOGIN_SERVERS.norway).toBe("https://connectid.no/user");
});
