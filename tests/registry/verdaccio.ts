// A throwaway npm registry: verdaccio on 127.0.0.1 with its config and storage
// in a fresh temp folder. The @connect-payment scope lives only here; every
// other package is proxied to the registry npm is configured with, so a
// user's mirror works too.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const VERDACCIO_BIN = join(require.resolve("verdaccio/package.json"), "../bin/verdaccio");

export interface LocalRegistry {
  url: string;
  /** An auth token for a user created on this registry, allowed to publish. */
  token: string;
  pid: number;
  /** The temp folder holding the config and the storage. */
  dir: string;
  /** Stops the server by its PID and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startLocalRegistry(): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "connect-payment-registry-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  writeFileSync(join(dir, "config.yaml"), config(dir, port, upstreamRegistry()));

  const server = spawn(process.execPath, [VERDACCIO_BIN, "--config", join(dir, "config.yaml")], {
    cwd: dir,
    env: { ...process.env, ...extraCertificates() },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));

  // Should the test runner itself be killed, the server goes with it.
  const killOnExit = () => server.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    await stopProcess(server);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForPing(url, server, () => output);
    const token = await createUser(url);
    return { url, token, pid: server.pid!, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The registry npm itself uses (the user's mirror, if any), for everything outside our scope. */
function upstreamRegistry(): string {
  const fromEnv = process.env.npm_config_registry;
  if (fromEnv && !fromEnv.includes("127.0.0.1")) return fromEnv;
  const asked = spawnSync("npm", ["config", "get", "registry"], { encoding: "utf8" });
  const value = asked.stdout?.trim();
  return value && /^https?:\/\//.test(value) ? value : "https://registry.npmjs.org/";
}

/**
 * On a network that re-signs TLS, the upstream is trusted only through the
 * system's CA bundle. turbo hands tasks a trimmed environment without
 * NODE_EXTRA_CA_CERTS, so point Node at the system bundle when one exists.
 * Extra certificates add to Node's own list; they never replace it.
 */
function extraCertificates(): Record<string, string> {
  if (process.env.NODE_EXTRA_CA_CERTS) return {};
  const bundle = SYSTEM_CA_BUNDLES.find((path) => existsSync(path));
  return bundle ? { NODE_EXTRA_CA_CERTS: bundle } : {};
}

const SYSTEM_CA_BUNDLES = [
  "/etc/ssl/certs/ca-certificates.crt", // Debian, Ubuntu, Alpine
  "/etc/pki/tls/certs/ca-bundle.crt", // Fedora, RHEL
];

function config(dir: string, port: number, upstream: string): string {
  return `storage: ${JSON.stringify(join(dir, "storage"))}
auth:
  htpasswd:
    file: ${JSON.stringify(join(dir, "htpasswd"))}
    max_users: 10
uplinks:
  upstream:
    url: ${JSON.stringify(upstream)}
    timeout: 60s
packages:
  "@connect-payment/*":
    access: $all
    publish: $authenticated
  "**":
    access: $all
    publish: $authenticated
    proxy: upstream
listen: 127.0.0.1:${port}
web:
  enable: false
log:
  type: stdout
  format: pretty
  level: warn
`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// Verdaccio starts in about a second, but once took over 20 s on a machine
// loaded far beyond its cores; the limit only ends a run that would hang.
const PING_LIMIT_MS = 120_000;

async function waitForPing(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + PING_LIMIT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`verdaccio exited with ${server.exitCode}:\n${output()}`);
    }
    const ok = await fetch(new URL("-/ping", url)).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `verdaccio did not answer /-/ping within ${PING_LIMIT_MS / 1000} s:\n${output()}`,
  );
}

async function createUser(url: string): Promise<string> {
  const name = "release-test";
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: `pw-${Date.now()}`, type: "user", roles: [] }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) {
    throw new Error(`creating a registry user failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.token;
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(child.pid, "SIGTERM");
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, "SIGKILL");
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
