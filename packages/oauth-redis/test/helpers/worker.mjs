// One merchant process: its own login, Redis client and token source for
// the same customer, paying `calls` invoices at once when told to go.
// Runs the built package, as a merchant's process would.
import { createConnectClient } from "@connect-payment/client";
import { createConnectIdLogin } from "@connect-payment/oauth";
import { redisTokenStore } from "../../dist/index.js";
import { connect } from "./worker-redis.mjs";

let tokenRequests = 0;

process.once("message", async (task) => {
  const redis = await connect(task.redisUrl);
  const login = createConnectIdLogin({
    loginServer: task.loginServer,
    clientId: task.clientId,
    clientSecret: task.clientSecret,
    redirectUri: "http://127.0.0.1:8099/callback",
    fetch: async (input, init) => {
      if (String(input).endsWith("/oauth/token")) {
        tokenRequests++;
        // A process that dies mid-refresh: it says so, then never sends the request.
        if (task.hangOnRefresh) {
          process.send({ refreshing: true });
          return new Promise(() => {});
        }
      }
      return fetch(input, init);
    },
  });
  const store = redisTokenStore({ client: redis, login: task.login, leaseMs: task.leaseMs });
  const client = createConnectClient({
    baseUrl: task.apiUrl,
    accessToken: login.tokenSource({ store }),
    maxRetries: 0,
  });
  process.send({ ready: true });
  await new Promise((resolve) => process.once("message", resolve));

  const outcomes = await Promise.all(
    Array.from({ length: task.calls }, () =>
      client.payInvoice(task.invoice).then(
        (paid) => ({ ok: true, transactionId: paid.transactionId }),
        (error) => {
          const cause = error.cause ?? error;
          return { ok: false, code: cause.code, message: cause.message };
        },
      ),
    ),
  );
  process.send({ done: true, tokenRequests, outcomes });
  await redis.quit();
  process.disconnect();
});
