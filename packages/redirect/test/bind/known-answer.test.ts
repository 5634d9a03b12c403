// The signed message, pinned with an independent HMAC (node:crypto): changing
// its format is a breaking change for every return URL in flight, so it must
// be a deliberate one.
import { createHmac } from "node:crypto";
import { expect, test } from "vitest";
import { bindReturnUrl } from "../../src/index.js";

const secret = "known-answer-secret-of-32-bytes!";

test("the signature is the HMAC-SHA-256 of the origin, the path and the raw query before it", async () => {
  const bound = await bindReturnUrl("https://shop.example/return?q=a+b&flag", {
    transactionId: 4242,
    secret,
  });
  const message = JSON.stringify(["cp2", "https://shop.example/return", "q=a+b&flag&cp_tx=4242"]);
  const expected = createHmac("sha256", secret).update(message).digest("hex");
  expect(bound).toBe(`https://shop.example/return?q=a+b&flag&cp_tx=4242&cp_sig=${expected}`);
});
