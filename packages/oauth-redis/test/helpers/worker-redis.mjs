// The worker's Redis client, configured as the README advises.
import { createClient } from "redis";

export async function connect(url) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: () => 50 },
  });
  client.on("error", () => {});
  await client.connect();
  return client;
}
