// The provider's rate limits, as an option: fixed windows of a second and a
// minute per client, 429 with Retry-After and X-RateLimit-* as the spec says,
// counted in the handle; a faster clock renews the windows sooner. Only Date
// is faked: the servers keep running, the windows read the moved clock.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { clientInvoicesPath } from "../../../../openapi/fixtures.mjs";
import { SANDBOX_CUSTOMERS, startSandbox, type Sandbox } from "../../src/index.js";

const OTHER_CLIENT = { clientId: "back.office.two", clientSecret: "second-secret" };
const kari = SANDBOX_CUSTOMERS[0]!;
// A minute boundary, so the windows' edges are where the test puts them.
const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);

let plain: Sandbox;
beforeAll(async () => {
  plain = await startSandbox();
});
afterAll(() => plain.close());
afterEach(() => vi.useRealTimers());

async function call(sandbox: Sandbox, token: string) {
  const response = await fetch(sandbox.apiUrl + clientInvoicesPath(kari.customerNumber), {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  const header = (name: string) => response.headers.get(name);
  return {
    status: response.status,
    retryAfter: header("retry-after"),
    remaining: header("x-ratelimit-remaining"),
    reset: header("x-ratelimit-reset"),
  };
}

async function limitedSandbox(clockSpeed = 1) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
  return startSandbox({
    rateLimits: { perSecond: 3, perMinute: 5 },
    clockSpeed,
    oauth: { clients: [{ clientId: "no.mediaconnect.test", clientSecret: "s" }, OTHER_CLIENT] },
  });
}

describe("rate limits", () => {
  it("are off by default", async () => {
    const token = plain.clientToken().accessToken;
    const statuses = await Promise.all(Array.from({ length: 120 }, () => call(plain, token)));
    expect(statuses.filter(({ status }) => status === 429)).toEqual([]);
    expect(plain.rateLimitCounts()).toEqual({ allowed: 0, limited: 0 });
  });

  it("answer 429 past the second's limit, with Retry-After, until the next second", async () => {
    const sandbox = await limitedSandbox();
    try {
      const token = sandbox.clientToken().accessToken;
      const first = [];
      for (let i = 0; i < 4; i++) first.push(await call(sandbox, token));
      expect(first.map(({ status }) => status)).toEqual([200, 200, 200, 429]);
      expect(first.map(({ remaining }) => remaining)).toEqual(["2", "1", "0", "0"]);
      expect(first[3]).toMatchObject({ retryAfter: "1", reset: "60" });
      vi.setSystemTime(T0 + 1000);
      expect((await call(sandbox, token)).status).toBe(200);
      expect(sandbox.rateLimitCounts()).toEqual({ allowed: 4, limited: 1 });
      expect(sandbox.requests().every((r) => r.responseIssues.length === 0)).toBe(true);
    } finally {
      await sandbox.close();
    }
  });

  it("answer 429 past the minute's limit until the minute renews, per client", async () => {
    const sandbox = await limitedSandbox();
    try {
      const token = sandbox.clientToken().accessToken;
      for (let second = 0; second < 5; second++) {
        vi.setSystemTime(T0 + second * 1000);
        expect((await call(sandbox, token)).status).toBe(200);
      }
      vi.setSystemTime(T0 + 20_000);
      const over = await call(sandbox, token);
      expect(over).toMatchObject({ status: 429, retryAfter: "40", remaining: "0", reset: "40" });
      // Another client has a budget of its own.
      expect(
        (await call(sandbox, sandbox.clientToken(OTHER_CLIENT.clientId).accessToken)).status,
      ).toBe(200);
      vi.setSystemTime(T0 + 60_000);
      expect((await call(sandbox, token)).status).toBe(200);
      expect(sandbox.rateLimitCounts()).toEqual({ allowed: 7, limited: 1 });
      sandbox.reset();
      expect(sandbox.rateLimitCounts()).toEqual({ allowed: 0, limited: 0 });
    } finally {
      await sandbox.close();
    }
  });

  it("run their windows on the sandbox's clock, clockSpeed times faster", async () => {
    const sandbox = await limitedSandbox(60);
    try {
      const token = sandbox.clientToken().accessToken;
      for (let i = 0; i < 3; i++) expect((await call(sandbox, token)).status).toBe(200);
      expect((await call(sandbox, token)).status).toBe(429);
      // A real second is a minute of the sandbox's clock: both windows renew.
      vi.setSystemTime(T0 + 1000);
      expect(sandbox.clock()).toBe(T0 + 60_000);
      for (let i = 0; i < 3; i++) expect((await call(sandbox, token)).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it("are checked as options, each bad one named", async () => {
    await expect(
      startSandbox({ rateLimits: { perSecond: 0, perMinute: 1.5 }, clockSpeed: -1 }),
    ).rejects.toThrow(
      /clockSpeed must be a number above 0.*rateLimits\.perSecond must be a whole number.*rateLimits\.perMinute/,
    );
  });
});
