// The command line read in process (cli-options.ts) and the banner printed
// from it (cli-banner.ts): every flag to its option, numbers that are not
// whole, and each line that depends on the flags. The tests beside this one
// run the built command itself.
import { describe, expect, test } from "vitest";
import { banner, type Listening } from "../../src/cli-banner.js";
import { readCommandLine, USAGE } from "../../src/cli-options.js";
import {
  DEFAULT_OAUTH_CLIENT,
  DEFAULT_PAID_RECORD_DELAY_MS,
  SANDBOX_CUSTOMERS,
  SANDBOX_PRODUCT_TRIGGERS,
  SANDBOX_RECORD_TRIGGERS,
  SANDBOX_TRIGGERS,
  type SandboxOptions,
} from "../../src/index.js";
import { PROVIDER_RATE_LIMITS } from "../../src/rate-limits.js";

/** The options a command line asks for; fails the test when it asks for the usage. */
function optionsOf(...args: string[]): SandboxOptions {
  const commandLine = readCommandLine(args);
  if (commandLine.help) throw new Error(`${args.join(" ")} asked for the usage`);
  return commandLine.options;
}

describe("readCommandLine", () => {
  test("no flags: any free port, nothing else set", () => {
    expect(readCommandLine([])).toEqual({
      help: false,
      options: { port: 0, oauth: {} },
      anyToken: false,
    });
  });

  test("each flag with a value sets its option", () => {
    expect(
      optionsOf(
        ...["--port", "4011", "--host", "127.0.0.2", "--status-param", "result"],
        ...["--token-lifetime", "61", "--latency", "7", "--slow-response", "123"],
        ...["--paid-record-delay", "9", "--invoices-without-dates", "all"],
        ...["--allowed-host", "shop.test", "--allowed-host", "cdn.test"],
      ),
    ).toEqual({
      port: 4011,
      host: "127.0.0.2",
      statusParam: "result",
      tokenLifetimeSeconds: 61,
      latencyMs: 7,
      slowResponseMs: 123,
      paidRecordDelayMs: 9,
      invoicesWithoutDates: "all",
      allowedHosts: ["shop.test", "cdn.test"],
      oauth: {},
    });
  });

  test("each switch sets its option; --any-token is also reported for the banner", () => {
    expect(
      readCommandLine(["--pay-unrecorded-invoices", "--any-token", "--no-reuse-detection"]),
    ).toEqual({
      help: false,
      options: {
        port: 0,
        payUnrecordedInvoices: true,
        oauth: { requireIssuedTokens: false, refreshTokenReuseDetection: false },
      },
      anyToken: true,
    });
  });

  test.each([
    ["12a", NaN],
    ["-1", NaN],
    ["1.5", NaN],
    ["1e3", NaN],
    [" 3", NaN],
    ["08", 8],
    ["0", 0],
  ])("a whole number is digits only: --port %j is %s", (text, port) => {
    expect(optionsOf(`--port=${text}`).port).toBe(port);
    expect(optionsOf(`--latency=${text}`).latencyMs).toBe(port);
    expect(optionsOf(`--rate-limit-per-second=${text}`).rateLimits).toEqual({ perSecond: port });
  });

  test("an empty value leaves its option unset", () => {
    expect(
      optionsOf(
        ...["--host", "", "--status-param", "", "--token-lifetime", ""],
        ...["--latency", "", "--slow-response", "", "--paid-record-delay", ""],
        ...["--invoices-without-dates", ""],
      ),
    ).toEqual({ port: 0, oauth: {} });
  });

  test("rate limits: off unless asked; --rate-limits alone keeps the provider's", () => {
    expect(optionsOf()).not.toHaveProperty("rateLimits");
    expect(optionsOf("--rate-limits").rateLimits).toEqual({});
  });

  test("either number alone turns the rate limits on, with that number", () => {
    expect(optionsOf("--rate-limit-per-second", "5").rateLimits).toEqual({ perSecond: 5 });
    expect(optionsOf("--rate-limit-per-minute", "40").rateLimits).toEqual({ perMinute: 40 });
    expect(
      optionsOf("--rate-limits", "--rate-limit-per-minute", "40", "--rate-limit-per-second", "5")
        .rateLimits,
    ).toEqual({ perSecond: 5, perMinute: 40 });
  });

  test.each([
    ["2", 2],
    ["1.5", 1.5],
    ["0.25", 0.25],
    ["1.", NaN],
    [".5", NaN],
    ["-2", NaN],
    ["2x", NaN],
    ["x2", NaN],
  ])("--clock-speed %j is %s, with or without the rate limits", (text, speed) => {
    expect(optionsOf(`--clock-speed=${text}`)).toEqual({ port: 0, oauth: {}, clockSpeed: speed });
    expect(optionsOf("--rate-limits", `--clock-speed=${text}`).clockSpeed).toBe(speed);
  });

  test("--help and -h ask for the usage, whatever else is given", () => {
    expect(readCommandLine(["--help"])).toEqual({ help: true });
    expect(readCommandLine(["--port", "1", "-h"])).toEqual({ help: true });
    expect(USAGE).toMatch(/^Usage: connect-payment-sandbox /);
  });

  test("an unknown flag, or a flag without its value, throws parseArgs's own error", () => {
    expect(() => readCommandLine(["--prot", "1"])).toThrow(/--prot/);
    expect(() => readCommandLine(["--port"])).toThrow(/--port/);
    expect(() => readCommandLine(["stray"])).toThrow(/stray/);
  });
});

describe("banner", () => {
  const listening: Listening = {
    apiUrl: "http://127.0.0.1:1/capi",
    loginServer: "http://127.0.0.1:1/user",
    controlUrl: "http://127.0.0.1:1/control",
    statusParam: "outcome",
  };
  /** The banner's line that starts with `label`, without the label. */
  const line = (text: string, label: string) =>
    text
      .split("\n")
      .find((each) => each.trimStart().startsWith(label))
      ?.trimStart()
      .slice(label.length)
      .trim();

  test("names where it listens, the customers, the OAuth client and every trigger", () => {
    const text = banner(listening, { port: 0 }, false);
    expect(text.split("\n")[0]).toBe(
      "Connect payment sandbox: a local test double of the Connect API and ConnectID, not the provider.",
    );
    expect(line(text, "apiUrl")).toBe(listening.apiUrl);
    expect(line(text, "loginServer")).toBe(listening.loginServer);
    expect(line(text, "controlUrl")).toBe(listening.controlUrl);
    expect(line(text, "result param")).toBe("outcome");
    expect(line(text, "customers")).toBe(
      SANDBOX_CUSTOMERS.map(({ id, name }) => `${id} (${name})`).join(", "),
    );
    expect(line(text, "OAuth client clientId")).toBe(DEFAULT_OAUTH_CLIENT.clientId);
    expect(line(text, "clientSecret")).toBe(DEFAULT_OAUTH_CLIENT.clientSecret);
    const list = (triggers: Record<string, string>) =>
      Object.entries(triggers)
        .map(([name, value]) => `${value} → ${name}`)
        .join(", ");
    expect(line(text, "triggers     invoiceNumber")).toBe(list(SANDBOX_TRIGGERS));
    expect(line(text, "productCode")).toBe(list(SANDBOX_PRODUCT_TRIGGERS));
    expect(line(text, "invoice record")).toBe(list(SANDBOX_RECORD_TRIGGERS));
    expect(line(text, "client mode  customer numbers")).toBe(
      `${SANDBOX_CUSTOMERS.map(({ id, customerNumber }) => `${id} ${customerNumber}`).join(", ")};`,
    );
    expect(text.split("\n").at(-1)).toBe("Press Ctrl-C to stop.");
  });

  test("tokens: issued by the login server, or any with --any-token", () => {
    expect(line(banner(listening, { port: 0 }, false), "tokens")).toBe(
      `issued by the login server only: log in, or POST ${listening.controlUrl}/sign-in {"customer":"kari"}`,
    );
    expect(line(banner(listening, { port: 0 }, true), "tokens")).toBe(
      "any non-empty bearer token is accepted (--any-token)",
    );
  });

  test("the paid record's delay: the default, or the one given", () => {
    const delay = (options: SandboxOptions) =>
      line(banner(listening, options, false), "a finished payment shows as paid after");
    expect(delay({})).toBe(`${DEFAULT_PAID_RECORD_DELAY_MS} ms`);
    expect(delay({ paidRecordDelayMs: 3 })).toBe("3 ms");
  });

  test("rate limits: off, the provider's, or the numbers given, with the clock speed", () => {
    const limits = (options: SandboxOptions) =>
      line(banner(listening, options, false), "rate limits");
    expect(limits({})).toBe("off (--rate-limits enforces the provider's, per client)");
    const { perSecond, perMinute } = PROVIDER_RATE_LIMITS;
    expect(limits({ rateLimits: {} })).toBe(
      `${perSecond} a second, ${perMinute} a minute per client; clock speed 1`,
    );
    expect(limits({ rateLimits: true })).toBe(
      `${perSecond} a second, ${perMinute} a minute per client; clock speed 1`,
    );
    expect(limits({ rateLimits: { perSecond: 4 }, clockSpeed: 2.5 })).toBe(
      `4 a second, ${perMinute} a minute per client; clock speed 2.5`,
    );
    expect(limits({ rateLimits: { perMinute: 9 } })).toBe(
      `${perSecond} a second, 9 a minute per client; clock speed 1`,
    );
  });
});
