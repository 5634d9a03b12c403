// `pnpm demo -- --processes 4 --redis`: the shop as four merchant processes
// behind a round-robin front, its sessions and tokens in a real redis-server
// the demo starts. A customer logs in, the access token expires, and requests
// that land on every process at once keep the customer logged in with one
// refresh at the sandbox's token endpoint, which revokes the whole login on
// any reuse of a rotated refresh token. The packages are built by the test task.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { PAYMENT_METHODS } from "@connect-payment/client";
import { completeLogin, type ReceivedRequest } from "@connect-payment/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DEMO = "scripts/demo.mjs";
const PROCESSES = 4;
// The login refreshes a minute before expiry: each access token is due for a
// refresh 20 s after it is issued. The burst below takes a second or two; 20 s
// leaves a loaded machine room to finish it before the next token is due.
const TOKEN_LIFETIME_S = 80;
const DUE_AFTER_MS = (TOKEN_LIFETIME_S - 60) * 1000;

const REFRESHED = /\[sandbox\] token: refresh_token granted/g;
const REFUSED = /\[sandbox\] token: refresh_token refused/g;
const ANSWERED = /\[front\] GET \/ → process (\d+) answered (\d+)/g;

interface RunningDemo {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  merchantUrl: string;
  loginServer: string;
  controlUrl: string;
}

async function startDemo(): Promise<RunningDemo> {
  const child = spawn(
    process.execPath,
    [DEMO, "--no-build", "--port", "0", "--processes", String(PROCESSES), "--redis"].concat([
      "--token-lifetime",
      String(TOKEN_LIFETIME_S),
    ]),
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (!output.includes("Ctrl-C")) return;
      clearInterval(poll);
      resolve();
    }, 50);
    child.once("exit", (code) => {
      clearInterval(poll);
      reject(new Error(`the demo exited early (${code}):\n${output}`));
    });
  });
  const line = (label: string) => new RegExp(`${label}:\\s+(\\S+)`).exec(output)?.[1] ?? "";
  return {
    child,
    output: () => output,
    merchantUrl: line("Open the demo merchant").replace(/\/$/, ""),
    loginServer: line("Sandbox login server"),
    controlUrl: line("Sandbox control path"),
  };
}

/** A browser's request to the shop: the session cookie sent, redirects not followed. */
async function get(url: string, cookie = "") {
  return fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
}

const cookieOf = (response: Response) => response.headers.get("set-cookie")?.split(";")[0] ?? "";
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the demo has printed what `done` looks for (its log reaches us through a pipe). */
async function printed(demo: RunningDemo, done: (output: string) => boolean): Promise<string> {
  for (let waited = 0; !done(demo.output()); waited += 50) {
    if (waited > 30_000) throw new Error(`not printed in time:\n${demo.output()}`);
    await sleep(50);
  }
  return demo.output();
}

let demo: RunningDemo;
beforeAll(async () => {
  demo = await startDemo();
}, 60_000);
afterAll(async () => {
  if (!demo || demo.child.exitCode !== null) return;
  demo.child.kill("SIGINT");
  await once(demo.child, "exit");
});

describe(`pnpm demo -- --processes ${PROCESSES} --redis`, () => {
  it("keeps a customer logged in across token expiry: one refresh for every process, no invalid_grant, and the customer can still pay", async () => {
    expect(demo.merchantUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(demo.output()).toContain(`Merchant processes:      ${PROCESSES}`);

    // Log in through the front, as a browser would; the sandbox's helper plays the customer.
    const toLogin = await get(`${demo.merchantUrl}/login`);
    expect(toLogin.status).toBe(303);
    const callback = await completeLogin(toLogin.headers.get("location")!, { customer: "kari" });
    const loggedIn = await get(callback, cookieOf(toLogin));
    const issuedBy = Date.now(); // the access token was issued before the callback answered
    expect(loggedIn.status).toBe(303);
    const cookie = cookieOf(loggedIn);
    expect(cookie).toMatch(/^demo_session=/);
    expect(cookie).not.toBe(cookieOf(toLogin));
    const first = await get(`${demo.merchantUrl}/`, cookie);
    expect(await first.text()).toContain('data-testid="pay-form"');
    expect(count(demo.output(), REFRESHED)).toBe(0);

    // The access token comes due for its refresh.
    await sleep(issuedBy + DUE_AFTER_MS + 1_000 - Date.now());
    const mark = demo.output().length;

    // Two requests per process, all at once: round robin sends each to the next process.
    const pages = await Promise.all(
      Array.from({ length: 2 * PROCESSES }, async () => {
        const page = await get(`${demo.merchantUrl}/`, cookie);
        return { status: page.status, html: await page.text() };
      }),
    );
    const burst = (
      await printed(demo, (out) => count(out.slice(mark), ANSWERED) >= 2 * PROCESSES)
    ).slice(mark);

    expect(pages.map((page) => page.status)).toEqual(pages.map(() => 200));
    // Every page is the logged-in customer's account page, none the login page.
    for (const page of pages) expect(page.html).toContain('data-testid="pay-form"');
    const answeredBy = new Set([...burst.matchAll(ANSWERED)].map(([, process]) => process));
    expect([...answeredBy].sort()).toEqual(
      Array.from({ length: PROCESSES }, (_, i) => String(i + 1)),
    );
    // One refresh reached the token endpoint for this expiry, and none was refused.
    expect(count(burst, REFRESHED)).toBe(1);
    expect(count(demo.output(), REFUSED)).toBe(0);
    expect(demo.output()).not.toContain("invalid_grant");

    // The sandbox's request log: every API call carried a token it accepted.
    const log = (await (await fetch(`${demo.controlUrl}/requests`)).json()) as {
      requests: ReceivedRequest[];
    };
    expect(log.requests.length).toBeGreaterThanOrEqual(2 * PROCESSES + 1);
    expect(log.requests.filter((request) => request.status === 401)).toEqual([]);

    // And a payment can still be started, with the refreshed token, on whichever process.
    const form = pages[0]!.html;
    const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(form)?.[1] ?? "";
    const invoiceNumber = /name="invoiceNumber" value="([^"]+)"/.exec(form)?.[1] ?? "";
    const paid = await fetch(`${demo.merchantUrl}/pay`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, invoiceNumber, paymentMethod: PAYMENT_METHODS[0] }),
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toMatch(new RegExp(`^${demo.loginServer}/`));
  }, 120_000);

  it("stops the merchant processes and the redis-server on Ctrl-C", async () => {
    const pids = spawnSync("pgrep", ["-P", String(demo.child.pid)], { encoding: "utf8" })
      .stdout.split("\n")
      .filter(Boolean)
      .map(Number);
    // Four merchant processes and one redis-server.
    expect(pids).toHaveLength(PROCESSES + 1);
    demo.child.kill("SIGINT");
    const [code] = await once(demo.child, "exit");
    expect(code).toBe(0);
    // The demo exits only once each of them has: none is left.
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  }, 30_000);
});

describe("pnpm demo -- --walk --processes 2 --redis", () => {
  it("walks the whole job with requests alternating between the processes: the return, the record and the grant are shared", () => {
    const run = spawnSync(
      process.execPath,
      [DEMO, "--", "--walk", "--no-build", "--processes", "2", "--redis"],
      { cwd: ROOT, encoding: "utf8", timeout: 120_000 },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // Round robin: the pay request and its return never land on one process alone.
    expect(run.stdout).toContain("→ process 1 answered");
    expect(run.stdout).toContain("→ process 2 answered");
    expect(run.stdout).toMatch(/✔ finished: Paid: .* Granted\./);
    expect(run.stdout).toMatch(/nothing was granted/);
    expect(run.stdout).toContain("The whole flow works.");
  }, 120_000);
});

describe("pnpm demo --processes without --redis", () => {
  it("is refused with a message: memory state cannot be shared", () => {
    const run = spawnSync(process.execPath, [DEMO, "--no-build", "--processes", "4"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--processes needs --redis");
    expect(run.stdout).toBe("");
  });
});
