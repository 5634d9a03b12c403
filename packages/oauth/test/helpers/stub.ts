// A stub token endpoint as a `fetch`: records each request, answers what the
// test says. For unit tests of what this package sends and how it reads the
// answer; the standards tests run the same flows against a real server.
import {
  createConnectIdLogin,
  type ConnectIdLoginOptions,
  type PendingLogin,
} from "../../src/index.js";

export interface StubAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Sent {
  url: string;
  headers: Headers;
  body: string;
}

export const STUB_SERVER = "https://login.example/user";
export const STUB_REDIRECT = "https://shop.example/callback";

export function tokenAnswer(extra: Record<string, unknown> = {}): StubAnswer {
  return {
    body: {
      access_token: "stub-access-token",
      token_type: "Bearer",
      expires_in: 3600,
      refresh_token: "stub-refresh-token",
      ...extra,
    },
  };
}

/** A login whose `fetch` is the stub; `sent` lists what reached it. */
export function stubLogin(
  answer: StubAnswer | ((sent: Sent) => StubAnswer) = tokenAnswer(),
  options: Partial<ConnectIdLoginOptions> = {},
) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const one = { url: request.url, headers: request.headers, body: await request.text() };
    sent.push(one);
    const { status = 200, body, headers = {} } = typeof answer == "function" ? answer(one) : answer;
    const text = typeof body == "string" ? body : JSON.stringify(body);
    return new Response(text, {
      status,
      headers: { "content-type": "application/json", ...headers },
    });
  };
  const login = createConnectIdLogin({
    loginServer: STUB_SERVER,
    clientId: "shop.example",
    clientSecret: "stub-client-secret",
    redirectUri: STUB_REDIRECT,
    fetch: fetch as typeof globalThis.fetch,
    ...options,
  });
  return { login, sent };
}

/** A callback for `pending` with the given extra query text. */
export function callbackFor(pending: PendingLogin, query = "code=the-code"): string {
  return `${STUB_REDIRECT}?${query}&state=${pending.state}`;
}
