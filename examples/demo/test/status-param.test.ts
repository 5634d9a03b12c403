import { DEFAULT_STATUS_PARAM as redirectDefault } from "@connect-payment/redirect";
import { DEFAULT_STATUS_PARAM as sandboxDefault } from "@connect-payment/sandbox";
import { expect, it } from "vitest";

// The sandbox's default name is the redirect package's default; the flow tests
// run under other names too (flow.test.ts), with the SDK's defaults untouched.
it("the sandbox appends the result under the name the redirect package reads by default", () => {
  expect(sandboxDefault).toBe(redirectDefault);
});
