// The sandbox as the login server and API, and one customer whose access
// token has expired there: the tokens every process finds in Redis.
import { PAY_INVOICE_REQUEST } from "../../../../openapi/fixtures.mjs";
import { DEFAULT_OAUTH_CLIENT, startSandbox, type Sandbox } from "@connect-payment/sandbox";
import { createConnectIdLogin, type TokenSet } from "@connect-payment/oauth";
import type { Task } from "./processes.js";

export const invoice = { ...PAY_INVOICE_REQUEST, paymentMethod: "vippsEcommerce" } as const;

export interface ShiftedSandbox {
  sandbox: Sandbox;
  /** Moves the sandbox's clock past every access token's 12 hours. */
  expireTokens(): void;
}

export async function shiftedSandbox(): Promise<ShiftedSandbox> {
  let offset = 0;
  const sandbox = await startSandbox({
    // Strict on purpose: a second refresh with a rotated-out refresh token revokes the login.
    oauth: {
      requireIssuedTokens: true,
      refreshTokenReuseDetection: true,
      clock: () => Date.now() + offset,
    },
  });
  return { sandbox, expireTokens: () => (offset += 13 * 3600_000) };
}

/** Signs a customer in and expires the token: what a store holds at the next expiry. */
export function expiredTokens(shifted: ShiftedSandbox): TokenSet {
  const signedIn = shifted.sandbox.signIn("kari");
  shifted.expireTokens();
  return { ...signedIn, expiresAt: Date.now() - 1 };
}

/** A login in this process, counting its token endpoint requests; `afterToken` runs once each has its answer. */
export function countedLogin(sandbox: Sandbox, afterToken?: () => Promise<void>) {
  const counted = { token: 0 };
  const login = createConnectIdLogin({
    loginServer: sandbox.loginServer,
    ...DEFAULT_OAUTH_CLIENT,
    redirectUri: "http://127.0.0.1:8099/callback",
    fetch: async (input, init) => {
      if (!String(input).endsWith("/oauth/token")) return fetch(input, init);
      counted.token++;
      const answer = await fetch(input, init);
      await afterToken?.();
      return answer;
    },
  });
  return { login, counted };
}

export function taskFor(sandbox: Sandbox, redisUrl: string, login: string, calls: number): Task {
  return {
    redisUrl,
    loginServer: sandbox.loginServer,
    apiUrl: sandbox.apiUrl,
    ...DEFAULT_OAUTH_CLIENT,
    login,
    calls,
    invoice,
  };
}
