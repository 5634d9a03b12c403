// How the client proves who it is at the token endpoint (RFC 6749 section
// 2.3.1): HTTP Basic by default, the form body with client_secret_post; the
// secret is sent one way only.
import { expect, it } from "vitest";
import { stubLogin } from "../helpers/stub.js";

it("by default: HTTP Basic, and no client_secret in the body", async () => {
  const { login, sent } = stubLogin();
  await login.refresh("a-refresh-token");
  const [scheme, credentials] = sent[0]?.headers.get("authorization")?.split(" ") ?? [];
  expect(scheme).toBe("Basic");
  // Id and secret are form-encoded before base64 (RFC 6749 section 2.3.1).
  const [id, secret] = atob(credentials ?? "").split(":");
  expect([id, secret].map((part) => decodeURIComponent(part ?? ""))).toEqual([
    "shop.example",
    "stub-client-secret",
  ]);
  expect(new URLSearchParams(sent[0]?.body).has("client_secret")).toBe(false);
});

it("client_secret_post: the id and secret in the body, no Authorization header", async () => {
  const { login, sent } = stubLogin(undefined, { clientAuthentication: "client_secret_post" });
  await login.refresh("a-refresh-token");
  const body = new URLSearchParams(sent[0]?.body);
  expect(body.get("client_id")).toBe("shop.example");
  expect(body.get("client_secret")).toBe("stub-client-secret");
  expect(sent[0]?.headers.has("authorization")).toBe(false);
});
