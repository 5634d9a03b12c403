// The options of startSandbox(), and their check: every bad one named at once.
import { DEFAULT_STATUS_PARAM } from "@connect-payment/redirect";
import { exposureWarning, isHostName } from "./host-check.js";
import type { SandboxOAuthOptions } from "./oauth/index.js";
import { DEFAULT_PAID_RECORD_DELAY_MS } from "./invoices/record.js";
import { PROVIDER_RATE_LIMITS, type SandboxRateLimits } from "./rate-limits.js";
import { DEFAULT_LOG_LIMITS } from "./received.js";
import { DEFAULT_SLOW_RESPONSE_MS } from "./triggers.js";
import { isTransactionId } from "./transactions.js";

/** What {@link startSandbox} takes; every option has a default. */
export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`, the sandbox is for one machine. A host that is not loopback gets a warning through `log`. */
  host?: string;
  /**
   * Host names (no port) the sandbox answers besides loopback names
   * (`localhost`, 127.0.0.0/8, `[::1]`) and `host`, e.g. a container's name.
   * Any other `Host` header gets 421: a page that rebinds its name to
   * 127.0.0.1 (DNS rebinding) cannot use the sandbox.
   */
  allowedHosts?: string[];
  /** Name of the result parameter appended to `returnUrl`; default `paymentStatus`. */
  statusParam?: string;
  /**
   * Hand out counting ids from this one instead of random ids. Random ids (the
   * default) cannot be guessed; counting ones are for tests that want fixed numbers.
   */
  firstTransactionId?: number;
  /** Added before every API response, in milliseconds; default 0. */
  latencyMs?: number;
  /** How long the `slowResponse` trigger waits; default 35 000 (past the client's 30 s timeout). */
  slowResponseMs?: number;
  /**
   * How long a `finished` payment takes to show as paid in the invoice record
   * (List invoices, List invoice details), in milliseconds; default 1 000.
   * The provider's record may lag the customer's return: keep it above zero
   * to test the "not confirmed yet" path.
   */
  paidRecordDelayMs?: number;
  /**
   * What List invoices answers without `from` and `to`: `"latest"` (the
   * default) only the latest invoice, as the provider's client-mode page
   * says; `"all"` every invoice.
   */
  invoicesWithoutDates?: "latest" | "all";
  /**
   * Let Pay invoice pay invoices the record does not hold, as before the
   * sandbox had a record (they never show in it). Default `false`: the
   * provider's `400 InvoiceNotFoundException`, as the provider answers.
   */
  payUnrecordedInvoices?: boolean;
  /** Lifetime of the access tokens the login server's OAuth endpoints issue, in seconds; default 43 200 (12 hours, the provider's default). */
  tokenLifetimeSeconds?: number;
  /** How many API requests `requests()` keeps, the oldest dropped first; default 1 000. */
  maxLoggedRequests?: number;
  /** How many bytes of JSON `requests()` keeps at most, the oldest dropped first; default 8 MiB. */
  maxLoggedBytes?: number;
  /** Receives one line per notable event (payments, redirects to errorUrl, warnings). Default: silent. */
  log?: (line: string) => void;
  /**
   * Enforce the provider's rate limits per client (the client a token was
   * issued to): `true` for the provider's 100 calls a second and 2,000 a
   * minute, or other numbers. A call over either answers 429 with
   * `Retry-After` and `X-RateLimit-*`; `rateLimitCounts()` counts them.
   * Default off: no call is limited.
   */
  rateLimits?: boolean | Partial<SandboxRateLimits>;
  /**
   * How many times faster than real time the sandbox's clock runs for the
   * rate limits' windows, e.g. 60: a minute's window passes in a second.
   * Default 1. `clock()` reads it.
   */
  clockSpeed?: number;
  /** The OAuth login server: clients, token lifetimes, and whether the API requires issued tokens. */
  oauth?: SandboxOAuthOptions;
}

/** Checks every option at once, naming each bad one; gives the settings with their defaults. */
export function checkOptions(options: SandboxOptions) {
  const problems: string[] = [];
  const wholeAtLeast = (name: keyof SandboxOptions, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const value = options[name];
    if (
      value !== undefined &&
      !(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)
    ) {
      problems.push(
        `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      );
    }
  };
  wholeAtLeast("port", 0, 65535);
  wholeAtLeast("latencyMs", 0, 600_000);
  wholeAtLeast("slowResponseMs", 0, 600_000);
  wholeAtLeast("paidRecordDelayMs", 0, 24 * 60 * 60 * 1000);
  wholeAtLeast("tokenLifetimeSeconds", 1);
  wholeAtLeast("maxLoggedRequests", 1);
  wholeAtLeast("maxLoggedBytes", 1024);
  if (options.firstTransactionId !== undefined && !isTransactionId(options.firstTransactionId)) {
    problems.push("firstTransactionId must be a whole number from 1 to 2^53 - 1");
  }
  if (
    options.statusParam !== undefined &&
    (typeof options.statusParam !== "string" || !/^[\w.~-]+$/.test(options.statusParam))
  ) {
    problems.push("statusParam must be a non-empty name of letters, digits, _ . ~ or -");
  }
  if (
    options.allowedHosts !== undefined &&
    !(Array.isArray(options.allowedHosts) && options.allowedHosts.every(isHostName))
  ) {
    problems.push('allowedHosts must be a list of host names without port, e.g. ["sandbox"]');
  }
  if (
    options.invoicesWithoutDates !== undefined &&
    !["latest", "all"].includes(options.invoicesWithoutDates)
  ) {
    problems.push('invoicesWithoutDates must be "latest" or "all"');
  }
  if (
    options.payUnrecordedInvoices !== undefined &&
    typeof options.payUnrecordedInvoices !== "boolean"
  ) {
    problems.push("payUnrecordedInvoices must be true or false");
  }
  problems.push(...rateLimitProblems(options));
  if (problems.length > 0) throw new TypeError(`startSandbox: ${problems.join("; ")}`);
  const host = options.host ?? "127.0.0.1";
  return {
    host,
    allowedHosts: options.allowedHosts ?? [],
    warning: exposureWarning(host),
    statusParam: options.statusParam ?? DEFAULT_STATUS_PARAM,
    firstTransactionId: options.firstTransactionId,
    latencyMs: options.latencyMs ?? 0,
    slowResponseMs: options.slowResponseMs ?? DEFAULT_SLOW_RESPONSE_MS,
    paidRecordDelayMs: options.paidRecordDelayMs ?? DEFAULT_PAID_RECORD_DELAY_MS,
    invoicesWithoutDates: options.invoicesWithoutDates ?? "latest",
    payUnrecordedInvoices: options.payUnrecordedInvoices ?? false,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 12 * 60 * 60,
    logLimits: {
      maxEntries: options.maxLoggedRequests ?? DEFAULT_LOG_LIMITS.maxEntries,
      maxBytes: options.maxLoggedBytes ?? DEFAULT_LOG_LIMITS.maxBytes,
    },
    log: options.log ?? (() => {}),
    rateLimits: rateLimitsOf(options.rateLimits),
    clockSpeed: options.clockSpeed ?? 1,
  };
}

function rateLimitProblems({ rateLimits, clockSpeed }: SandboxOptions): string[] {
  const problems: string[] = [];
  if (
    clockSpeed !== undefined &&
    !(typeof clockSpeed === "number" && clockSpeed > 0 && clockSpeed <= 10_000)
  ) {
    problems.push(
      `clockSpeed must be a number above 0 and at most 10000, got ${JSON.stringify(clockSpeed)}`,
    );
  }
  if (rateLimits === undefined || typeof rateLimits === "boolean") return problems;
  if (typeof rateLimits !== "object" || rateLimits === null) {
    return [...problems, "rateLimits must be true, false or { perSecond, perMinute }"];
  }
  for (const name of ["perSecond", "perMinute"] as const) {
    const value = rateLimits[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      problems.push(
        `rateLimits.${name} must be a whole number of calls from 1, got ${JSON.stringify(value)}`,
      );
    }
  }
  return problems;
}

function rateLimitsOf(given: SandboxOptions["rateLimits"]): SandboxRateLimits | undefined {
  if (!given) return undefined;
  return given === true ? { ...PROVIDER_RATE_LIMITS } : { ...PROVIDER_RATE_LIMITS, ...given };
}

export type SandboxSettings = ReturnType<typeof checkOptions>;
