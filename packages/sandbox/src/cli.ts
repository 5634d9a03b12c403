#!/usr/bin/env node
// npx @connect-payment/sandbox [--port 4010] [--host 127.0.0.1] [--allowed-host name]…
//   [--status-param paymentStatus] [--token-lifetime 43200] [--latency 0]
//   [--slow-response 35000] [--paid-record-delay 1000] [--invoices-without-dates latest|all]
//   [--pay-unrecorded-invoices] [--any-token] [--no-reuse-detection]
//   [--rate-limits] [--rate-limit-per-second 100] [--rate-limit-per-minute 2000] [--clock-speed 1]
import { parseArgs } from "node:util";
import { DEFAULT_OAUTH_CLIENT, SANDBOX_CUSTOMERS } from "./oauth/index.js";
import { SANDBOX_PRODUCT_TRIGGERS } from "./operations/payment-method-triggers.js";
import { startSandbox, type SandboxOptions } from "./sandbox.js";
import { PROVIDER_RATE_LIMITS } from "./rate-limits.js";
import { SANDBOX_TRIGGERS } from "./triggers.js";
import { DEFAULT_PAID_RECORD_DELAY_MS } from "./invoices/record.js";
import { SANDBOX_RECORD_TRIGGERS } from "./invoices/seed.js";

const USAGE = `Usage: connect-payment-sandbox [--port <n>] [--host <address>] [--allowed-host <name>]…
       [--status-param <name>] [--token-lifetime <seconds>] [--latency <ms>]
       [--slow-response <ms>] [--paid-record-delay <ms>] [--invoices-without-dates latest|all]
       [--pay-unrecorded-invoices] [--any-token] [--no-reuse-detection]
       [--rate-limits] [--rate-limit-per-second <n>] [--rate-limit-per-minute <n>] [--clock-speed <n>]`;

let values: Record<string, string | string[] | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string" },
      "allowed-host": { type: "string", multiple: true },
      "status-param": { type: "string" },
      "token-lifetime": { type: "string" },
      latency: { type: "string" },
      "slow-response": { type: "string" },
      "paid-record-delay": { type: "string" },
      "invoices-without-dates": { type: "string" },
      "pay-unrecorded-invoices": { type: "boolean" },
      "any-token": { type: "boolean" },
      "no-reuse-detection": { type: "boolean" },
      "rate-limits": { type: "boolean" },
      "rate-limit-per-second": { type: "string" },
      "rate-limit-per-minute": { type: "string" },
      "clock-speed": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const whole = (flag: string): number | undefined => {
  const text = values[flag];
  if (text === undefined) return undefined;
  return /^\d+$/.test(String(text)) ? Number(text) : NaN;
};

const options: SandboxOptions = {
  port: whole("port")!,
  ...(values.host ? { host: String(values.host) } : {}),
  ...(values["status-param"] ? { statusParam: String(values["status-param"]) } : {}),
  ...(values["token-lifetime"] ? { tokenLifetimeSeconds: whole("token-lifetime")! } : {}),
  ...(values.latency ? { latencyMs: whole("latency")! } : {}),
  ...(values["slow-response"] ? { slowResponseMs: whole("slow-response")! } : {}),
  ...(values["paid-record-delay"] ? { paidRecordDelayMs: whole("paid-record-delay")! } : {}),
  ...(values["invoices-without-dates"]
    ? { invoicesWithoutDates: String(values["invoices-without-dates"]) as "latest" | "all" }
    : {}),
  ...(values["pay-unrecorded-invoices"] ? { payUnrecordedInvoices: true } : {}),
  ...(values["allowed-host"] ? { allowedHosts: values["allowed-host"] as string[] } : {}),
  ...rateLimitOptions(),
  oauth: {
    ...(values["any-token"] ? { requireIssuedTokens: false } : {}),
    ...(values["no-reuse-detection"] ? { refreshTokenReuseDetection: false } : {}),
  },
  log: (line) => console.log(`[sandbox] ${line}`),
};

const sandbox = await startSandbox(options).catch((error: unknown) => {
  // Option errors name the option; flags map one to one (port → --port, latencyMs → --latency …).
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});

console.log(`Connect payment sandbox: a local test double of the Connect API and ConnectID, not the provider.
  apiUrl       ${sandbox.apiUrl}
  loginServer  ${sandbox.loginServer}
  controlUrl   ${sandbox.controlUrl}
  result param ${sandbox.statusParam}
  customers    ${SANDBOX_CUSTOMERS.map(({ id, name }) => `${id} (${name})`).join(", ")}
  tokens       ${
    values["any-token"]
      ? "any non-empty bearer token is accepted (--any-token)"
      : `issued by the login server only: log in, or POST ${sandbox.controlUrl}/sign-in {"customer":"kari"}`
  }
  OAuth client clientId     ${DEFAULT_OAUTH_CLIENT.clientId}
               clientSecret ${DEFAULT_OAUTH_CLIENT.clientSecret}
               redirectUri  any http(s) URL on 127.0.0.1 or localhost
  triggers     invoiceNumber ${triggerList(SANDBOX_TRIGGERS)}
               productCode   ${triggerList(SANDBOX_PRODUCT_TRIGGERS)}
               invoice record ${triggerList(SANDBOX_RECORD_TRIGGERS)}
  invoices     each customer's record: GET ${sandbox.controlUrl}/invoices?customer=kari;
               a finished payment shows as paid after ${options.paidRecordDelayMs ?? DEFAULT_PAID_RECORD_DELAY_MS} ms
  client mode  customer numbers ${SANDBOX_CUSTOMERS.map(({ id, customerNumber }) => `${id} ${customerNumber}`).join(", ")};
               the client's own token: grant_type=client_credentials at the token endpoint
  rate limits  ${limitsLine()}
Press Ctrl-C to stop.`);

/** `--rate-limits` turns on the provider's limits; either number alone turns them on too. */
function rateLimitOptions(): Pick<SandboxOptions, "rateLimits" | "clockSpeed"> {
  const perSecond = whole("rate-limit-per-second");
  const perMinute = whole("rate-limit-per-minute");
  const on = values["rate-limits"] === true || perSecond !== undefined || perMinute !== undefined;
  const speed = values["clock-speed"];
  return {
    ...(on
      ? {
          rateLimits: {
            ...(perSecond !== undefined && { perSecond }),
            ...(perMinute !== undefined && { perMinute }),
          },
        }
      : {}),
    ...(speed !== undefined && {
      clockSpeed: /^\d+(\.\d+)?$/.test(String(speed)) ? Number(speed) : NaN,
    }),
  };
}

function limitsLine(): string {
  if (!options.rateLimits) return "off (--rate-limits enforces the provider's, per client)";
  const { perSecond, perMinute } = {
    ...PROVIDER_RATE_LIMITS,
    ...(typeof options.rateLimits === "object" ? options.rateLimits : {}),
  };
  return `${perSecond} a second, ${perMinute} a minute per client; clock speed ${options.clockSpeed ?? 1}`;
}

function triggerList(triggers: Record<string, string>): string {
  return Object.entries(triggers)
    .map(([name, value]) => `${value} → ${name}`)
    .join(", ");
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
