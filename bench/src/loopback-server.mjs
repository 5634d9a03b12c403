// The other end of the loopback section: a node:http server on 127.0.0.1 that
// reads each request body and answers the prepared 200. It runs in its own
// process so it does not share an event loop with the clients it serves.
import { createServer } from "node:http";
import { RESPONSE_TEXT } from "./fixtures.mjs";

const headers = {
  "content-type": "application/json",
  "content-length": Buffer.byteLength(RESPONSE_TEXT),
};

const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => response.writeHead(200, headers).end(RESPONSE_TEXT));
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
process.on("disconnect", () => server.close(() => process.exit(0)));
