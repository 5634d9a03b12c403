// One merchant process: for each task, its own login, Redis client and token
// source for the customer, paying `calls` invoices at once when told to go.
// Runs the built package, as a merchant's process would.
import { createConnectClient } from "@connect-payment/client";
import { createConnectIdLogin } from "@connect-payment/oauth";
import { redisTokenStore } from "../../dist/index.js";
import { connect } from "./worker-redis.mjs";

let round;
// A connection the test cut (or a server it stopped) may reject on quit: this
// process is ending that round anyway, so that is no failure of the run.
const quit = (redis) => redis?.quit().catch(() => {});

process.on("message", async (message) => {
  if (message.task) {
    await quit(round?.redis);
    round = await prepare(message.task);
    process.send({ ready: true });
  } else if (message.go) {
    const outcomes = await Promise.all(Array.from({ length: round.calls }, () => pay(round)));
    process.send({ done: true, tokenRequests: round.counted.token, outcomes });
  } else if (message.exit) {
    await quit(round?.redis);
    process.disconnect();
  }
});

async function prepare(task) {
  const redis = await connect(task.redisUrl);
  const counted = { token: 0 };
  const login = createConnectIdLogin({
    loginServer: task.loginServer,
    clientId: task.clientId,
    clientSecret: task.clientSecret,
    redirectUri: "http://127.0.0.1:8099/callback",
    fetch: async (input, init) => {
      if (String(input).endsWith("/oauth/token")) {
        counted.token++;
        // A process that dies mid-refresh: it says so, then never sends the request.
        if (task.hangOnRefresh) {
          process.send({ refreshing: true });
          return new Promise(() => {});
        }
        if (task.refreshDelayMs)
          await new Promise((resolve) => setTimeout(resolve, task.refreshDelayMs));
      }
      return fetch(input, init);
    },
  });
  const store = redisTokenStore({ client: redis, login: task.login, leaseMs: task.leaseMs });
  const client = createConnectClient({
    baseUrl: task.apiUrl,
    accessToken: login.tokenSource({ store }),
    maxRetries: 0,
    // Eight processes paying at once on a loaded two-core machine: the default
    // 30 s per call is no margin (nothing here measures time).
    timeoutMs: 120_000,
  });
  return { redis, counted, client, invoice: task.invoice, calls: task.calls };
}

function pay({ client, invoice }) {
  return client.payInvoice(invoice).then(
    (paid) => ({ ok: true, transactionId: paid.transactionId }),
    (error) => {
      const cause = error.cause ?? error;
      return { ok: false, code: cause.code, message: cause.message };
    },
  );
}
