#!/usr/bin/env node
// The main job: the whole payment flow on one machine.
//
//   pnpm demo                 build, start the sandbox and the demo merchant, print the URL to open
//   pnpm demo --walk          …then log in and walk the whole job for finished (pick an unpaid
//                             invoice, pay, come back, check the provider's record until it
//                             shows the invoice paid), cancelled and failed, forge a status by
//                             hand (the record stays unpaid, nothing is granted), and a denied
//                             login, without a person;
//                             print each step, and exit
//                             (non-zero on any failure)
//   pnpm demo --reconcile     …then log in, pay an invoice and close the tab before the return,
//                             and let the back office confirm it from the provider's record
//                             (client mode, the shop's own token); print each step and exit
//                             (non-zero unless it is granted exactly once)
//   pnpm demo --port 3001     the merchant's port (default 3000; a free one when taken)
//   pnpm demo --no-build      skip the build (the packages are already built)
//   pnpm demo --processes 4 --redis
//                             the shop as 4 merchant processes behind a round-robin front, its
//                             sessions and tokens in a redis-server the demo starts on a free
//                             port (Debian's, installed with apt-get when missing); one token
//                             refresh per expiry across every process
//   pnpm demo --token-lifetime 90
//                             the sandbox's access tokens last 90 s (the login refreshes a minute
//                             before expiry: watch a refresh 30 s after logging in)
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = join(import.meta.dirname, "..");

let args;
try {
  ({ values: args } = parseArgs({
    // `pnpm demo -- --walk` passes the "--" through; accept both spellings.
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: {
      walk: { type: "boolean", default: false },
      reconcile: { type: "boolean", default: false },
      port: { type: "string" },
      "no-build": { type: "boolean", default: false },
      processes: { type: "string" },
      redis: { type: "boolean", default: false },
      "token-lifetime": { type: "string" },
    },
  }));
} catch (error) {
  console.error(
    `${error.message}\nUsage: pnpm demo [--walk | --reconcile] [--port <n>] [--no-build] [--processes <n> --redis] [--token-lifetime <seconds>]`,
  );
  process.exit(2);
}

const oneShot = args.walk || args.reconcile;
const port = Number(args.port ?? (oneShot ? 0 : 3000));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, got "${args.port}"`);
  process.exit(2);
}

if (args.processes !== undefined && !args.redis) {
  console.error(
    "--processes needs --redis: each process keeps its memory to itself, so sessions and tokens " +
      "must live in Redis for any process to answer any request. Run `pnpm demo -- --processes " +
      `${args.processes} --redis\`.`,
  );
  process.exit(2);
}
const processes = Number(args.processes ?? 1);
if (!Number.isInteger(processes) || processes < 1 || processes > 32) {
  console.error(`--processes must be a whole number from 1 to 32, got "${args.processes}"`);
  process.exit(2);
}
const tokenLifetime = args["token-lifetime"] && Number(args["token-lifetime"]);
if (tokenLifetime !== undefined && !(Number.isInteger(tokenLifetime) && tokenLifetime > 60)) {
  console.error(
    `--token-lifetime must be a whole number of seconds above 60 (the login refreshes a minute before expiry), got "${args["token-lifetime"]}"`,
  );
  process.exit(2);
}

if (!args["no-build"]) {
  console.log("Building the packages and the demo merchant…");
  // The trailing "..." builds the demo and everything it depends on, in order.
  const turbo = join(root, "node_modules", ".bin", "turbo");
  const build = spawnSync(
    turbo,
    ["run", "build", "--filter=@connect-payment/demo...", "--output-logs=errors-only"],
    { cwd: root, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } },
  );
  if (build.status !== 0) {
    console.error(
      build.error
        ? `Could not run turbo (${build.error.message}). Run \`pnpm install\` first.`
        : "The build failed; see above.",
    );
    process.exit(1);
  }
}

const { startDemo, startDemoProcesses } = await import(
  pathToFileURL(join(root, "examples/demo/dist/index.js")).href
);
// The walker is a test helper beside the demo's tests, not part of the demo itself.
const { walkConfirm, walkFlow, walkForgery } = await import(
  pathToFileURL(join(root, "examples/demo/test/walker/walk.mjs")).href
);
const { walkLogin } = await import(
  pathToFileURL(join(root, "examples/demo/test/walker/walk-login.mjs")).href
);
const { walkBackOffice } = await import(
  pathToFileURL(join(root, "examples/demo/test/walker/walk-back-office.mjs")).href
);

let redisServer;
if (args.redis) {
  const { ensureRedisServer, findRedisServer } = await import("./redis-server.mjs");
  if (!ensureRedisServer()) process.exit(1);
  redisServer = findRedisServer();
}

const log = (line) => console.log(`    ${line}`);
const start = (merchantPort) => {
  const options = {
    merchantPort,
    log,
    ...(tokenLifetime && { tokenLifetimeSeconds: tokenLifetime }),
  };
  return redisServer
    ? startDemoProcesses({ ...options, processes, redisServer })
    : startDemo(options);
};
const demo = await start(port).catch((error) => {
  if (error?.code !== "EADDRINUSE") throw error;
  console.log(`Port ${port} is taken; using a free one.`);
  return start(0);
});

if (args.walk) {
  let failed = false;
  for (const outcome of ["finished", "cancelled", "failed"]) {
    console.log(`\nWalking the flow to "${outcome}" (no browser):`);
    try {
      const { cookie } = await walkLogin({ merchantUrl: demo.merchantUrl, log: console.log });
      const result = await walkFlow({
        merchantUrl: demo.merchantUrl,
        outcome,
        cookie,
        log: console.log,
      });
      console.log(
        `✔ ${outcome}: the merchant read the bound return of transaction ${result.transactionId}`,
      );
      if (outcome === "finished") {
        // The provider records the payment some time after the return: check again until it does.
        const { message } = await walkConfirm({
          returnUrl: result.returnUrl,
          cookie,
          log: console.log,
        });
        if (!(await demo.grants()).some((grant) => grant.invoiceNumber === result.invoiceNumber)) {
          throw new Error(
            `the record shows invoice ${result.invoiceNumber} paid, but nothing was granted`,
          );
        }
        console.log(`✔ ${outcome}: ${message} Granted.`);
      }
    } catch (error) {
      failed = true;
      console.error(`✘ ${outcome}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(
    `\nForging the result: cancel, then put "&paymentStatus=finished" on the bound return URL by hand:`,
  );
  try {
    const { cookie } = await walkLogin({ merchantUrl: demo.merchantUrl });
    const cancelled = await walkFlow({
      merchantUrl: demo.merchantUrl,
      outcome: "cancelled",
      cookie,
    });
    const { record } = await walkForgery({
      returnUrl: cancelled.returnUrl,
      cookie,
      log: console.log,
    });
    if ((await demo.grants()).some((grant) => grant.invoiceNumber === cancelled.invoiceNumber)) {
      throw new Error(`invoice ${cancelled.invoiceNumber} was granted from a forged status`);
    }
    console.log("✔ the shop shows the claim and does not say the payment was received");
    console.log(
      `✔ the provider's record of invoice ${cancelled.invoiceNumber} shows it ${record}; nothing was granted`,
    );
  } catch (error) {
    failed = true;
    console.error(`✘ forgery: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`\nWalking a denied login (no browser):`);
  try {
    const { error } = await walkLogin({
      merchantUrl: demo.merchantUrl,
      choice: "deny",
      log: console.log,
    });
    console.log(`✔ denied: the merchant shows ${error} and stays logged out`);
  } catch (error) {
    failed = true;
    console.error(`✘ denied: ${error instanceof Error ? error.message : String(error)}`);
  }
  await demo.close();
  console.log(failed ? "\nThe walk FAILED." : "\nThe whole flow works.");
  process.exit(failed ? 1 : 0);
}

if (args.reconcile) {
  let failed = false;
  console.log(
    "\nThe customer who never comes back: pay, close the tab before the return (no browser):",
  );
  try {
    const { cookie } = await walkLogin({ merchantUrl: demo.merchantUrl, log: console.log });
    const paid = await walkFlow({
      merchantUrl: demo.merchantUrl,
      outcome: "finished",
      cookie,
      leaveBeforeReturn: true,
      log: console.log,
    });
    if ((await demo.grants()).length > 0) {
      throw new Error("something was granted before the back office");
    }
    console.log("\nThe back office confirms from the provider's record (client mode):");
    const run = await walkBackOffice({
      merchantUrl: demo.merchantUrl,
      invoiceNumber: paid.invoiceNumber,
      log: console.log,
    });
    const granted = (await demo.grants()).filter(
      (grant) => grant.invoiceNumber === paid.invoiceNumber,
    );
    if (granted.length !== 1 || granted[0].by !== "back office") {
      throw new Error(`invoice ${paid.invoiceNumber} was granted ${granted.length} time(s)`);
    }
    if (run.confirmedAgain.length > 0) throw new Error("confirming again granted more");
    console.log(
      `✔ invoice ${paid.invoiceNumber} (transaction ${paid.transactionId}): paid in the record, ` +
        `granted once by the back office after ${run.checks} check(s)`,
    );
    console.log("✔ confirming again granted nothing new");
  } catch (error) {
    failed = true;
    console.error(`✘ back office: ${error instanceof Error ? error.message : String(error)}`);
  }
  await demo.close();
  console.log(failed ? "\nThe back office FAILED." : "\nThe back office works.");
  process.exit(failed ? 1 : 0);
}

console.log(`
  Open the demo merchant:  ${demo.merchantUrl}/

  Sandbox API:             ${demo.sandbox.apiUrl}
  Sandbox login server:    ${demo.sandbox.loginServer}
  Sandbox control path:    ${demo.sandbox.controlUrl}
${
  demo.redisUrl
    ? `
  Merchant processes:      ${processes}, taking turns behind the URL above (round robin)
  Sessions and tokens in:  ${demo.redisUrl} (stopped with the demo, nothing kept)
`
    : ""
}
  Log in with ConnectID (a sandbox test customer), pick one of your unpaid
  invoices and pay it, then choose Pay, Cancel or Fail on the sandbox's page.
  Back on the shop, the provider's record shows a finished payment after a
  few seconds: press Check again.
  Back office (staff; payments not confirmed): ${demo.merchantUrl}/back-office
  Press Ctrl-C to stop.
`);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    demo.close().then(() => process.exit(0));
  });
}
