#!/usr/bin/env node
// The command's entry point, a file of its own so that it exists before the
// build: installing the workspace links every package's bin, and a bin that
// pointed into dist/ warned on every fresh install. The CLI is dist/cli.js.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error(
    "connect-payment-sandbox is not built: run the build of @connect-payment/sandbox first.",
  );
  process.exit(1);
}
await import(cli.href);
