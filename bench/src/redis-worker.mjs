// One process of the Redis bench: a token source on the shared Redis store,
// `calls` concurrent calls per round; reports its token endpoint requests.
import { createConnectIdLogin } from "@connect-payment/oauth";
import { redisTokenStore } from "@connect-payment/oauth-redis";
import { createClient } from "redis";

let round;

process.on("message", async (message) => {
  if (message.task) {
    round = await prepare(message.task);
    process.send({ ready: true });
  } else if (message.go) {
    round.counted.token = 0;
    const results = await Promise.allSettled(
      Array.from({ length: round.calls }, () => round.source()),
    );
    const failed = results
      .filter((result) => result.status === "rejected")
      .map((result) => result.reason?.code ?? result.reason?.name ?? "unknown");
    process.send({ done: true, tokenRequests: round.counted.token, failed });
  } else if (message.exit) {
    await round?.redis.quit();
    process.disconnect();
  }
});

async function prepare(task) {
  const redis = createClient({ url: task.redisUrl, disableOfflineQueue: true });
  redis.on("error", () => {});
  await redis.connect();
  const counted = { token: 0 };
  const login = createConnectIdLogin({
    loginServer: task.loginServer,
    clientId: task.clientId,
    clientSecret: task.clientSecret,
    redirectUri: "http://127.0.0.1:8099/callback",
    fetch: (input, init) => {
      if (String(input).endsWith("/oauth/token")) counted.token++;
      return fetch(input, init);
    },
  });
  const source = login.tokenSource({
    store: redisTokenStore({ client: redis, login: task.login }),
  });
  return { redis, counted, source, calls: task.calls };
}
