// One process of the shop, forked by processes.ts: the same merchant as
// `startDemo()`, with its state in Redis. It gets its settings over the IPC
// channel (the binding secret and the token key never sit in the environment
// or the command line), sends its log lines back, and ends with its parent.
import { createDemoLogin } from "./login.js";
import { startMerchant } from "./merchant.js";
import { redisState } from "./redis-state.js";

/** What the parent sends each process. */
export interface ProcessSettings {
  /** 1, 2, …: named in every log line. */
  number: number;
  redisUrl: string;
  apiUrl: string;
  loginServer: string;
  clientId: string;
  clientSecret: string;
  /** The front's URL: every URL the shop builds or verifies starts with it. */
  publicOrigin: string;
  /** The same in every process: a return may land on any of them. */
  returnUrlSecret: string;
  /** Encrypts the tokens in Redis; base64url of 32 random bytes, the same in every process. */
  tokenKey: string;
  confirmWaitMs: number;
}

process.once("message", (message: { settings: ProcessSettings }) => {
  start(message.settings).catch((error: unknown) => {
    console.error(`process: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
});

async function start(settings: ProcessSettings): Promise<void> {
  const log = (line: string) => process.send?.({ log: line });
  const state = await redisState({
    url: settings.redisUrl,
    encryptionKey: Buffer.from(settings.tokenKey, "base64url"),
  });
  const merchant = await startMerchant({
    apiUrl: settings.apiUrl,
    loginServer: settings.loginServer,
    publicOrigin: settings.publicOrigin,
    returnUrlSecret: settings.returnUrlSecret,
    confirmWaitMs: settings.confirmWaitMs,
    state,
    // The shop's own client: the back office's token (client credentials).
    backOffice: { clientId: settings.clientId, clientSecret: settings.clientSecret },
    login: createDemoLogin({
      loginServer: settings.loginServer,
      apiUrl: settings.apiUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      state,
      log,
    }),
    log,
  });
  // The parent is gone (or closing): stop serving and let go of Redis.
  process.once("disconnect", () => {
    void Promise.allSettled([merchant.close(), state.close()]).then(() => process.exit(0));
  });
  process.send?.({ listening: merchant.listenUrl });
}
