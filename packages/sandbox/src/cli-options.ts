// The command line of `connect-payment-sandbox`, read into `startSandbox`'s
// options. A file of its own so that tests can read a command line without
// starting a process; cli.ts only starts the sandbox and prints.
import { parseArgs } from "node:util";
import type { SandboxOptions } from "./sandbox-options.js";

export const USAGE = `Usage: connect-payment-sandbox [--port <n>] [--host <address>] [--allowed-host <name>]…
       [--status-param <name>] [--token-lifetime <seconds>] [--latency <ms>]
       [--slow-response <ms>] [--paid-record-delay <ms>] [--invoices-without-dates latest|all]
       [--pay-unrecorded-invoices] [--any-token] [--no-reuse-detection]
       [--rate-limits] [--rate-limit-per-second <n>] [--rate-limit-per-minute <n>] [--clock-speed <n>]`;

/** What a command line asks for: the usage, or a sandbox started with these options. */
export type CommandLine =
  { help: true } | { help: false; options: SandboxOptions; anyToken: boolean };

type Values = Record<string, string | string[] | boolean | undefined>;

/**
 * Reads the flags. A number that is not one becomes NaN, so that
 * `startSandbox` refuses it with a message naming the option.
 *
 * @throws {TypeError} for an unknown flag or a flag without its value (`parseArgs`'s own)
 */
export function readCommandLine(args: string[]): CommandLine {
  const { values } = parseArgs({
    args,
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
  });
  if (values.help) return { help: true };
  const whole = (flag: string) => wholeNumber(values, flag);
  const options: SandboxOptions = {
    port: whole("port")!,
    ...(values.host ? { host: values.host } : {}),
    ...(values["status-param"] ? { statusParam: values["status-param"] } : {}),
    ...(values["token-lifetime"] ? { tokenLifetimeSeconds: whole("token-lifetime")! } : {}),
    ...(values.latency ? { latencyMs: whole("latency")! } : {}),
    ...(values["slow-response"] ? { slowResponseMs: whole("slow-response")! } : {}),
    ...(values["paid-record-delay"] ? { paidRecordDelayMs: whole("paid-record-delay")! } : {}),
    ...(values["invoices-without-dates"]
      ? { invoicesWithoutDates: values["invoices-without-dates"] as "latest" | "all" }
      : {}),
    ...(values["pay-unrecorded-invoices"] ? { payUnrecordedInvoices: true } : {}),
    ...(values["allowed-host"] ? { allowedHosts: values["allowed-host"] } : {}),
    ...rateLimitOptions(values),
    oauth: {
      ...(values["any-token"] ? { requireIssuedTokens: false } : {}),
      ...(values["no-reuse-detection"] ? { refreshTokenReuseDetection: false } : {}),
    },
  };
  return { help: false, options, anyToken: values["any-token"] === true };
}

/** A flag's whole number; NaN for anything else, undefined when the flag is absent. */
function wholeNumber(values: Values, flag: string): number | undefined {
  const text = values[flag];
  if (text === undefined) return undefined;
  return /^\d+$/.test(String(text)) ? Number(text) : NaN;
}

/** `--rate-limits` turns on the provider's limits; either number alone turns them on too. */
function rateLimitOptions(values: Values): Pick<SandboxOptions, "rateLimits" | "clockSpeed"> {
  const perSecond = wholeNumber(values, "rate-limit-per-second");
  const perMinute = wholeNumber(values, "rate-limit-per-minute");
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
