// The merchant's own token (client credentials) against panva's oidc-provider,
// started in this process on 127.0.0.1 with the grant enabled: a token the
// server accepts, kept until shortly before expiry, one request in flight,
// and the ways the server or this package refuses.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConnectIdError,
  createClientCredentialsSource,
  type ClientCredentialsOptions,
} from "../../src/index.js";
import {
  BACK_OFFICE,
  CLIENT,
  startProvider,
  type StandardsServer,
} from "../helpers/oidc-provider.js";
import { rejectionOf } from "../helpers/sandbox.js";

let op: StandardsServer;
beforeAll(async () => {
  op = await startProvider(true);
});
afterAll(() => op.close());

const sourceAt = (options: Partial<ClientCredentialsOptions> = {}) =>
  createClientCredentialsSource({
    ...BACK_OFFICE,
    tokenEndpoint: `${op.issuer}/token`,
    ...options,
  });

/** What the server says of a token (RFC 7662 introspection, as an API would ask). */
async function introspect(
  token: string,
): Promise<{ active: boolean; client_id?: string; scope?: string }> {
  const response = await fetch(`${op.issuer}/token/introspection`, {
    method: "POST",
    body: new URLSearchParams({
      token,
      client_id: BACK_OFFICE.clientId,
      client_secret: BACK_OFFICE.clientSecret,
    }),
  });
  return (await response.json()) as { active: boolean };
}

describe("a client credentials token", () => {
  it("is one the server accepts, for this client and the default scope", async () => {
    const token = await sourceAt()();
    const said = await introspect(token);
    expect(said.active).toBe(true);
    expect(said.client_id).toBe(BACK_OFFICE.clientId);
    expect(said.scope).toBe("read");
  });

  it("is kept: the second call sends nothing", async () => {
    const source = sourceAt();
    const before = op.grants.length;
    const first = await source();
    expect(await source()).toBe(first);
    expect(op.grants.length - before).toBe(1);
  });

  it("50 concurrent first calls send one request, and all get its token", async () => {
    const source = sourceAt();
    const before = op.grants.length;
    const tokens = await Promise.all(Array.from({ length: 50 }, () => source()));
    expect(new Set(tokens).size).toBe(1);
    expect(op.grants.length - before).toBe(1);
    expect((await introspect(tokens[0]!)).active).toBe(true);
  });

  it("is asked for again once within refreshBeforeExpiryMs of expiry", async () => {
    // The server gives 3600 s; a margin longer than that makes every token due.
    const source = sourceAt({ refreshBeforeExpiryMs: 3_700_000 });
    const first = await source();
    const second = await source();
    expect(second).not.toBe(first);
    expect((await introspect(second)).active).toBe(true);
  });

  it("refresh() replaces a token the API refused", async () => {
    const source = sourceAt();
    const first = await source();
    const renewed = await source.refresh();
    expect(renewed).not.toBe(first);
    expect(await source()).toBe(renewed);
  });
});

describe("refused", () => {
  it("a wrong secret: provider_error (invalid_client), the secret in no part of the error", async () => {
    const secret = "Wrong+Secret/x=1";
    const source = sourceAt({ clientSecret: secret });
    const error = (await rejectionOf(source())) as ConnectIdError;
    expect(error).toBeInstanceOf(ConnectIdError);
    expect(error.code).toBe("provider_error");
    expect(error.oauthError).toBe("invalid_client");
    const shown = inspect(error, { depth: 10 }) + JSON.stringify(error);
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(btoa(`${BACK_OFFICE.clientId}:${secret}`));
  });

  it("a client not allowed the grant: provider_error; the next call asks again", async () => {
    const source = sourceAt(CLIENT);
    const first = (await rejectionOf(source())) as ConnectIdError;
    expect(first.code).toBe("provider_error");
    expect(first.status).toBe(400);
    const before = op.grants.length;
    await rejectionOf(source());
    expect(op.grants.length - before).toBe(1);
  });

  it.each([
    [{ redirectUri: "https://shop.example/cb" }, "redirectUri"],
    [{ pkce: true }, "pkce"],
    [{ tokenEndpoint: "http://token.example/token" }, "tokenEndpoint"],
    [{ clientSecret: "" }, "clientSecret"],
  ])("bad options %o: invalid_config naming %s, nothing sent", (options, field) => {
    const before = op.grants.length;
    let thrown: unknown;
    try {
      sourceAt(options as Partial<ClientCredentialsOptions>);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectIdError);
    expect((thrown as ConnectIdError).code).toBe("invalid_config");
    expect((thrown as ConnectIdError).issues?.map((issue) => issue.field)).toContain(field);
    expect(op.grants.length).toBe(before);
  });

  it("a token endpoint alone is enough; discovery needs no authorization endpoint", async () => {
    const discovered = createClientCredentialsSource({
      ...BACK_OFFICE,
      issuer: op.issuer,
      discovery: "oidc",
    });
    expect((await introspect(await discovered())).active).toBe(true);
  });
});
