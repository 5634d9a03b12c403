// What `connect-payment-sandbox` prints once it listens: everything a
// developer wires an app to, taken from the package's own constants.
import { DEFAULT_PAID_RECORD_DELAY_MS } from "./invoices/record.js";
import { SANDBOX_RECORD_TRIGGERS } from "./invoices/seed.js";
import { DEFAULT_OAUTH_CLIENT, SANDBOX_CUSTOMERS } from "./oauth/index.js";
import { SANDBOX_PRODUCT_TRIGGERS } from "./operations/payment-method-triggers.js";
import { PROVIDER_RATE_LIMITS } from "./rate-limits.js";
import type { Sandbox } from "./sandbox.js";
import type { SandboxOptions } from "./sandbox-options.js";
import { SANDBOX_TRIGGERS } from "./triggers.js";

/** Where the sandbox listens: the part of a started sandbox the banner names. */
export type Listening = Pick<Sandbox, "apiUrl" | "loginServer" | "controlUrl" | "statusParam">;

/** The banner for a sandbox started with `options` (`anyToken`: started with `--any-token`). */
export function banner(sandbox: Listening, options: SandboxOptions, anyToken: boolean): string {
  const customers = SANDBOX_CUSTOMERS.map(({ id, name }) => `${id} (${name})`).join(", ");
  const numbers = SANDBOX_CUSTOMERS.map(({ id, customerNumber }) => `${id} ${customerNumber}`);
  return `Connect payment sandbox: a local test double of the Connect API and ConnectID, not the provider.
  apiUrl       ${sandbox.apiUrl}
  loginServer  ${sandbox.loginServer}
  controlUrl   ${sandbox.controlUrl}
  result param ${sandbox.statusParam}
  customers    ${customers}
  tokens       ${
    anyToken
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
  client mode  customer numbers ${numbers.join(", ")};
               the client's own token: grant_type=client_credentials at the token endpoint
  rate limits  ${limitsLine(options)}
Press Ctrl-C to stop.`;
}

function limitsLine(options: SandboxOptions): string {
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
