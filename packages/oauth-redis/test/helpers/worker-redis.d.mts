import type { RedisClientType } from "redis";
/** A client as the README advises: commands fail at once while disconnected, reconnects quickly. */
export declare function connect(url: string): Promise<RedisClientType>;
