import { createConnectClient, type ConnectClientOptions } from "../../src/index.js";
import { createRawClient } from "../../src/raw.js";

/** A client and the raw client made from the same options, as an app using both would. */
export const connectWithRaw = (options: ConnectClientOptions) => ({
  ...createConnectClient(options),
  raw: createRawClient(options),
});
