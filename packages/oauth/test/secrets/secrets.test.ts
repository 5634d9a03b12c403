// The client secret, codes, PKCE verifiers and tokens never appear in an
// error (however it is printed) or in a log line of the login server: every
// error path below runs with known secrets and every rendering is searched.
import { inspect } from "node:util";
import { createConnectClient } from "@connect-payment/client";
import { startSandbox, type Sandbox } from "@connect-payment/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ConnectIdError, createConnectIdLogin, memoryTokenStore } from "../../src/index.js";
import { REDIRECT_URI, rejectionOf, signIn, validInvoice } from "../helpers/sandbox.js";
import { closedPortUrl, startFakeLoginServer } from "../helpers/server.js";

const CLIENT_ID = "shop.secret-test";
// Characters that change when form-encoded, so an encoded echo is caught too.
const CLIENT_SECRET = "Sec+ret/Value=42&more";

const seen = new Set<string>([CLIENT_SECRET]);
const logLines: string[] = [];
// The sandbox's clock runs `offset` ahead: moving it expires codes and tokens at once.
let offset = 0;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    log: (line) => logLines.push(line),
    oauth: {
      clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }],
      requireIssuedTokens: true,
      clock: () => Date.now() + offset,
    },
  });
});
afterAll(() => sandbox.close());

const options = (overrides = {}) => ({
  loginServer: sandbox.loginServer,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  redirectUri: REDIRECT_URI,
  ...overrides,
});

/** Every way an error gets printed or serialised, for the secrets search. */
function renderings(error: unknown): string[] {
  return [
    String(error),
    (error as Error).stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
  ];
}

function expectNoSecret(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  for (const text of renderings(error)) {
    for (const secret of seen) expect(text).not.toContain(secret);
  }
}

/** A login's callback; remembers its code and verifier as secrets. */
async function callbackOf(login = createConnectIdLogin(options()), deny = false) {
  const { url, pending } = await login.startLogin();
  const callback = await signIn(url, deny ? "deny" : { customer: "ola" });
  const code = new URL(callback).searchParams.get("code");
  if (code) seen.add(code);
  if (pending.codeVerifier) seen.add(pending.codeVerifier);
  return { login, callback, pending };
}

async function loggedIn(login = createConnectIdLogin(options())) {
  const { callback, pending } = await callbackOf(login);
  const tokens = await login.finishLogin(callback, pending);
  seen.add(tokens.accessToken);
  seen.add(tokens.refreshToken as string);
  return { login, tokens };
}

const paths: Record<string, () => Promise<unknown>> = {
  invalid_config: async () => {
    try {
      createConnectIdLogin(options({ redirectUri: "http://shop.example/cb", timeoutMs: -1 }));
    } catch (error) {
      return error;
    }
  },
  state_mismatch: async () => {
    const { login, callback, pending } = await callbackOf();
    return rejectionOf(login.finishLogin(callback, { ...pending, state: "other" }));
  },
  access_denied: async () => {
    const { login, callback, pending } = await callbackOf(undefined, true);
    return rejectionOf(login.finishLogin(callback, pending));
  },
  reused_code: async () => {
    const { login, callback, pending } = await callbackOf();
    await login.finishLogin(callback, pending);
    return rejectionOf(login.finishLogin(callback, pending));
  },
  expired_code: async () => {
    const { login, callback, pending } = await callbackOf();
    offset += 61_000;
    return rejectionOf(login.finishLogin(callback, pending));
  },
  wrong_verifier: async () => {
    const { login, callback, pending } = await callbackOf();
    const other = await login.startLogin();
    seen.add(other.pending.codeVerifier as string);
    return rejectionOf(
      login.finishLogin(callback, {
        ...pending,
        codeVerifier: other.pending.codeVerifier as string,
      }),
    );
  },
  wrong_secret_post: async () => {
    const wrong = "Wrong+Secret/99";
    seen.add(wrong);
    const login = createConnectIdLogin(
      options({ clientSecret: wrong, clientAuthentication: "client_secret_post" }),
    );
    const { callback, pending } = await callbackOf(login);
    return rejectionOf(login.finishLogin(callback, pending));
  },
  refresh_failure: async () => {
    const { login, tokens } = await loggedIn();
    await login.refresh(tokens);
    return rejectionOf(login.refresh(tokens));
  },
  token_source_failure_through_the_client: async () => {
    const { login, tokens } = await loggedIn();
    await login.refresh(tokens);
    // Expired as the store sees it, with a refresh token that was already spent.
    const expired = { ...tokens, expiresAt: Date.now() - 1 };
    const client = createConnectClient({
      baseUrl: sandbox.apiUrl,
      accessToken: login.tokenSource({ store: memoryTokenStore(expired) }),
    });
    return rejectionOf(client.payInvoice(validInvoice));
  },
  expired_access_token_at_the_api: async () => {
    const { tokens } = await loggedIn();
    offset += 13 * 3600_000;
    const client = createConnectClient({
      baseUrl: sandbox.apiUrl,
      accessToken: tokens.accessToken,
      maxRetries: 0,
    });
    return rejectionOf(client.payInvoice(validInvoice));
  },
  network: async () => {
    const login = createConnectIdLogin(options({ loginServer: await closedPortUrl() }));
    return rejectionOf(login.refresh("Refresh+Token/network"));
  },
  timeout: async () => {
    const fake = await startFakeLoginServer(() => {});
    try {
      const login = createConnectIdLogin(options({ loginServer: fake.url, timeoutMs: 100 }));
      return await rejectionOf(login.refresh("Refresh+Token/timeout"));
    } finally {
      await fake.close();
    }
  },
  provider_echoes_the_request: async () => {
    // The worst provider: its error repeats the whole request, headers and body.
    let echo = "";
    const fake = await startFakeLoginServer((response) => {
      response.writeHead(400, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: "invalid_request", error_description: echo }));
    });
    try {
      for (const clientAuthentication of ["client_secret_basic", "client_secret_post"] as const) {
        const login = createConnectIdLogin(
          options({ loginServer: fake.url, clientAuthentication }),
        );
        const refreshToken = "Refresh+Token/echoed";
        seen.add(refreshToken);
        const basic = btoa(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`);
        echo = `authorization: Basic ${basic}; body: ${new URLSearchParams({ refresh_token: refreshToken, client_secret: CLIENT_SECRET })}`;
        seen.add(basic);
        const error = await rejectionOf(login.refresh(refreshToken));
        if (clientAuthentication === "client_secret_post") return error;
        expectNoSecret(error);
      }
    } finally {
      await fake.close();
    }
  },
};

// The code each path must end in, so a path cannot pass by failing earlier.
const expected: Record<keyof typeof paths, string> = {
  invalid_config: "invalid_config",
  state_mismatch: "state_mismatch",
  access_denied: "access_denied",
  reused_code: "invalid_grant",
  expired_code: "invalid_grant",
  wrong_verifier: "invalid_grant",
  wrong_secret_post: "provider_error",
  refresh_failure: "invalid_grant",
  // The client's own error, carrying the token source's as its cause.
  token_source_failure_through_the_client: "token_unavailable",
  expired_access_token_at_the_api: "unauthorized",
  network: "network",
  timeout: "timeout",
  provider_echoes_the_request: "provider_error",
};

it.each(Object.keys(paths))("no secret in the error of %s", async (name) => {
  const error = await paths[name]!();
  expectNoSecret(error);
  expect((error as ConnectIdError).code).toBe(expected[name]);
  if (name === "token_source_failure_through_the_client") {
    expect((error as Error).cause).toBeInstanceOf(ConnectIdError);
  }
});

it("no secret in any log line of the login server", () => {
  expect(logLines.length).toBeGreaterThan(10);
  for (const line of logLines) for (const secret of seen) expect(line).not.toContain(secret);
});
