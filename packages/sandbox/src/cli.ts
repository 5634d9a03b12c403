#!/usr/bin/env node
// node packages/sandbox/dist/cli.js [--port 4010] [--status-param paymentStatus]
import { parseArgs } from "node:util";
import { startSandbox } from "./sandbox.js";
import { SANDBOX_TRIGGERS } from "./triggers.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    "status-param": { type: "string" },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}

const sandbox = await startSandbox({
  port,
  ...(values["status-param"] ? { statusParam: values["status-param"] } : {}),
  log: (line) => console.log(`[sandbox] ${line}`),
});

console.log(`Connect payment sandbox
  apiUrl       ${sandbox.apiUrl}
  loginServer  ${sandbox.loginServer}
  result param ${sandbox.statusParam}
  triggers     ${Object.entries(SANDBOX_TRIGGERS)
    .map(([name, invoiceNumber]) => `${invoiceNumber} → ${name}`)
    .join(", ")}
Press Ctrl-C to stop.`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
