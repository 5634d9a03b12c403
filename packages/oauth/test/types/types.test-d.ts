// The token source fits the client's `accessToken`; the options are checked by the compiler too.
import { createConnectClient, type ConnectClientOptions } from "@connect-payment/client";
import { expectTypeOf, test } from "vitest";
import {
  createClientCredentialsSource,
  createConnectIdLogin,
  memoryTokenStore,
  type ConnectIdErrorCode,
  type TokenSet,
  type TokenSource,
} from "../../src/index.js";

const login = createConnectIdLogin({
  environment: "norway",
  clientId: "id",
  clientSecret: "secret",
  redirectUri: "https://shop.example/cb",
});

test("a token source is the client's accessToken", () => {
  const source = login.tokenSource({ store: memoryTokenStore() });
  expectTypeOf(source).toEqualTypeOf<TokenSource>();
  expectTypeOf(source).toExtend<ConnectClientOptions["accessToken"]>();
  createConnectClient({ accessToken: source });
});

test("finishLogin gives a token set", () => {
  expectTypeOf(login.finishLogin).returns.resolves.toEqualTypeOf<TokenSet>();
  expectTypeOf<TokenSet["expiresAt"]>().toEqualTypeOf<number>();
});

test("options are checked: environment names come from the spec", () => {
  createConnectIdLogin({
    // @ts-expect-error not a login server in the spec
    environment: "denmark",
    clientId: "id",
    clientSecret: "secret",
    redirectUri: "https://shop.example/cb",
  });
  // @ts-expect-error clientSecret is required
  createConnectIdLogin({ environment: "test", clientId: "id", redirectUri: "https://x.example" });
  createConnectIdLogin({
    environment: "test",
    clientId: "id",
    clientSecret: "secret",
    redirectUri: "https://shop.example/cb",
    // @ts-expect-error only the two secret methods
    clientAuthentication: "none",
  });
});

test("error codes are a closed union", () => {
  expectTypeOf<"state_mismatch">().toExtend<ConnectIdErrorCode>();
  expectTypeOf<"nope">().not.toExtend<ConnectIdErrorCode>();
});

test("a client credentials source is the client's accessToken too; it takes no redirectUri", () => {
  const source = createClientCredentialsSource({
    environment: "test",
    clientId: "id",
    clientSecret: "secret",
  });
  expectTypeOf(source).toEqualTypeOf<TokenSource>();
  createConnectClient({ accessToken: source });
  createClientCredentialsSource({
    environment: "test",
    clientId: "id",
    clientSecret: "secret",
    // @ts-expect-error no customer comes back: there is no redirect URI
    redirectUri: "https://shop.example/cb",
  });
  // @ts-expect-error clientSecret is required
  createClientCredentialsSource({ environment: "test", clientId: "id" });
});
