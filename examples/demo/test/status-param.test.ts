import { DEFAULT_STATUS_PARAM as redirectDefault } from "@connect-payment/redirect";
import { DEFAULT_STATUS_PARAM as sandboxDefault } from "@connect-payment/sandbox";
import { expect, it } from "vitest";

// Both assume the same undocumented parameter name; if one changes, the demo breaks.
it("the sandbox appends the result under the name the redirect package reads by default", () => {
  expect(sandboxDefault).toBe(redirectDefault);
});
