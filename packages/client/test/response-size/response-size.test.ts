// The 1 MiB response limit is counted as the body is read, after gzip decoding
// and whatever the Content-Length says: a compressed bomb or an endless
// chunked response is cut off near the limit, not read into memory first.
// (Scaled down from the 300 MiB cases of the review; the proof is how little
// is read, which does not depend on the total.)
import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ConnectError, PAY_INVOICE_PATH } from "../../src/index.js";
import { rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";
import { connectWithRaw } from "../helpers/raw.js";

const MiB = 2 ** 20;
const TOTAL = 64 * MiB;

// 64 MiB of spaces (JSON allows them) in front of a valid response: ~64 KiB
// gzipped. Made once, at the fastest level, to keep the machine free for others.
let bomb: Buffer;

/** Bytes the server managed to hand to the socket before the client stopped reading. */
const written: Record<string, number> = {};

/** Writes `total` bytes of spaces in 64 KiB chunks, waiting whenever the client is not reading. */
async function chunkedSpaces(scenario: string, res: ServerResponse, total: number) {
  res.writeHead(200, { "content-type": "application/json" }); // no length: chunked
  const chunk = Buffer.alloc(64 * 1024, " ");
  written[scenario] = 0;
  for (let sent = 0; sent < total && !res.destroyed; sent += chunk.length) {
    written[scenario] += chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        res.once("drain", resolve);
        res.once("close", resolve);
      });
    }
  }
  if (!res.destroyed) res.end('{"success":true,"transactionId":1}');
}

let server: TestServer;
beforeAll(async () => {
  const spaces = Buffer.alloc(TOTAL, " ");
  bomb = gzipSync(Buffer.concat([spaces, Buffer.from('{"success":true,"transactionId":1}')]), {
    level: 1,
  });
  server = await startServer({
    "gzip-bomb": (_, res) => {
      res.writeHead(200, {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "content-length": String(bomb.length), // small and true: only the unpacked size is large
      });
      res.end(bomb);
    },
    chunked: (_, res) => chunkedSpaces("chunked", res, TOTAL),
    "just-under": (_, res) => {
      const body = `{"success":true,"transactionId":3}${" ".repeat(MiB - 40)}`;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    },
  });
});
afterAll(() => server.close());

/** The real fetch, with a counter of the body bytes the client pulled through it. */
function countingFetch() {
  const seen = { bytes: 0 };
  const fetchCounting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body?.pipeThrough(counter) ?? null, response);
  };
  return { seen, fetch: fetchCounting };
}

const client = (scenario: string, fetchImpl?: typeof fetch) =>
  connectWithRaw({
    baseUrl: server.baseUrl(scenario),
    accessToken: "size-token",
    timeoutMs: 20_000,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });

test("a gzip response that unpacks to 64 MiB is refused after reading about 1 MiB of it", async () => {
  const { seen, fetch: counting } = countingFetch();
  const error = (await rejectionOf(
    client("gzip-bomb", counting).payInvoice(validBody),
  )) as ConnectError;
  expect(error).toBeInstanceOf(ConnectError);
  expect(error.code).toBe("unexpected_response");
  expect(error.message).toBe("Response larger than 1 MiB");
  expect(seen.bytes).toBeGreaterThan(MiB);
  expect(seen.bytes).toBeLessThan(3 * MiB);
}, 120_000);

test("a chunked response of 64 MiB of spaces then valid JSON is refused, reading about 1 MiB", async () => {
  const { seen, fetch: counting } = countingFetch();
  const error = (await rejectionOf(
    client("chunked", counting).payInvoice(validBody),
  )) as ConnectError;
  expect(error.code).toBe("unexpected_response");
  expect(seen.bytes).toBeLessThan(3 * MiB);
  // The server was stopped by back-pressure long before the end.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(written.chunked).toBeLessThan(TOTAL / 4);
}, 120_000);

test("the raw client has the same limit", async () => {
  const error = (await rejectionOf(
    client("gzip-bomb").raw.POST(PAY_INVOICE_PATH, { body: validBody }),
  )) as ConnectError;
  expect(error.code).toBe("unexpected_response");
}, 120_000);

test("a response just under 1 MiB, sent without a length, is read whole", async () => {
  expect(await client("just-under").payInvoice(validBody)).toEqual({ transactionId: 3 });
});
