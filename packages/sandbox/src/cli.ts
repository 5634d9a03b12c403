#!/usr/bin/env node
// npx @connect-payment/sandbox [--port 4010] [--host 127.0.0.1] [--allowed-host name]…
//   [--status-param paymentStatus] [--token-lifetime 43200] [--latency 0]
//   [--slow-response 35000] [--paid-record-delay 1000] [--invoices-without-dates latest|all]
//   [--pay-unrecorded-invoices] [--any-token] [--no-reuse-detection]
//   [--rate-limits] [--rate-limit-per-second 100] [--rate-limit-per-minute 2000] [--clock-speed 1]
import { banner } from "./cli-banner.js";
import { readCommandLine, USAGE, type CommandLine } from "./cli-options.js";
import { startSandbox } from "./sandbox.js";

let commandLine: CommandLine;
try {
  commandLine = readCommandLine(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (commandLine.help) {
  console.log(USAGE);
  process.exit(0);
}

const { options, anyToken } = commandLine;
const sandbox = await startSandbox({
  ...options,
  log: (line) => console.log(`[sandbox] ${line}`),
}).catch((error: unknown) => {
  // Option errors name the option; flags map one to one (port → --port, latencyMs → --latency …).
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});

console.log(banner(sandbox, options, anyToken));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
