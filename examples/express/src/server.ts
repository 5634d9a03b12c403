// `pnpm start`: the shop on http://127.0.0.1:3000 against a sandbox of its own.
import { DEFAULT_OAUTH_CLIENT, startSandbox } from "@connect-payment/sandbox";
import { randomBytes } from "node:crypto";
import { createShop } from "./app.js";

const PORT = 3000;
const sandbox = await startSandbox();
const shop = createShop({
  publicOrigin: `http://127.0.0.1:${PORT}`,
  apiUrl: sandbox.apiUrl,
  loginServer: sandbox.loginServer,
  ...DEFAULT_OAUTH_CLIENT,
  returnUrlSecret: randomBytes(32).toString("base64url"),
  productCode: "NEWS-DIGITAL",
  companyCode: "12345678",
});
const server = shop.listen(PORT, "127.0.0.1", () => {
  console.log(`The shop: http://127.0.0.1:${PORT}/ (against the sandbox; Ctrl-C stops both)`);
});
process.once("SIGINT", () => {
  server.close();
  void sandbox.close();
});
