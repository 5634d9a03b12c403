// The body is decoded once, from all its bytes: a character whose bytes arrive
// in two chunks (over a real socket, or from any fetch) is read whole, a
// byte-order mark is dropped as before, and an empty body is empty.
import { afterAll, beforeAll, expect, test } from "vitest";
import { ConnectError, createConnectClient } from "../../src/index.js";
import { rejectionOf, startServer, validBody, type TestServer } from "../helpers/server.js";

// "ø" is two bytes in UTF-8 and "😀" four: the chunks below cut through both.
const MESSAGE = "Betalingen ble avvist: kortet er sperret ø 😀";
const ANSWER = JSON.stringify({ errorMessage: MESSAGE });
const BYTES = new TextEncoder().encode(ANSWER);
/** The byte offset `into` bytes past the start of the first `character` in the answer. */
const inside = (character: string, into: number) =>
  new TextEncoder().encode(ANSWER.slice(0, ANSWER.indexOf(character))).length + into;
const cuts = [inside("ø", 1), inside("😀", 2)];

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    // Each piece is its own write, sent after the previous one has left.
    split: async (_request, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      let from = 0;
      for (const at of [...cuts, BYTES.length]) {
        await new Promise<void>((resolve) => res.write(BYTES.subarray(from, at), () => resolve()));
        await new Promise((resolve) => setTimeout(resolve, 20));
        from = at;
      }
      res.end();
    },
  });
});
afterAll(() => server.close());

test("the cuts fall inside multi-byte characters", () => {
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  for (const at of cuts) {
    expect(decode(BYTES.subarray(0, at))).toMatch(/\uFFFD$/);
  }
});

test("a character split between two network chunks is read whole", async () => {
  const client = createConnectClient({
    baseUrl: server.baseUrl("split"),
    accessToken: "decoding-token",
    timeoutMs: 30_000,
  });
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error).toBeInstanceOf(ConnectError);
  expect(error.status).toBe(400);
  expect(error.errorMessage).toBe(MESSAGE);
});

/** A client whose fetch answers with the given pieces of bytes, one chunk each. */
const clientAnswering = (status: number, pieces: Uint8Array[]) =>
  createConnectClient({
    baseUrl: "https://api.test",
    accessToken: "decoding-token",
    fetch: async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const piece of pieces) controller.enqueue(piece);
            controller.close();
          },
        }),
        { status, headers: { "content-type": "application/json" } },
      ),
  });

test("a fetch that hands over one byte at a time gives the same text", async () => {
  const pieces = Array.from(BYTES, (byte) => Uint8Array.of(byte));
  const client = clientAnswering(400, pieces);
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error.errorMessage).toBe(MESSAGE);
});

test("chunks that are views into a larger buffer are read from their own offset", async () => {
  const padded = new Uint8Array(BYTES.length + 20).fill(0x78);
  padded.set(BYTES, 10);
  const whole = padded.subarray(10, 10 + BYTES.length);
  const pieces = [whole.subarray(0, cuts[0]), whole.subarray(cuts[0])];
  const client = clientAnswering(400, pieces);
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error.errorMessage).toBe(MESSAGE);
});

test("a byte-order mark before the JSON is dropped, in one chunk or split", async () => {
  const answer = new TextEncoder().encode('{"success":true,"transactionId":12}');
  const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
  for (const pieces of [
    [Uint8Array.of(...bom, ...answer)],
    [bom.subarray(0, 2), Uint8Array.of(bom[2]!, ...answer)],
  ]) {
    const client = clientAnswering(200, pieces);
    expect(await client.payInvoice(validBody)).toEqual({ transactionId: 12 });
  }
});

test("a body stream with no chunk at all is an empty answer, not a crash", async () => {
  const client = clientAnswering(200, []);
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error).toBeInstanceOf(ConnectError);
  expect(error.code).toBe("unexpected_response");
});
