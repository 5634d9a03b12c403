// Every body is counted as it arrives, whatever length it declares. A one-step
// read of a body that declares its length was measured (bench/README.md) and
// gained nothing on Node; these cases are what such a shortcut would have to
// keep: a fetch that breaks its own declared length, a declared encoding, and
// a cross-origin answer whose encoding a browser hides.
import { expect, test } from "vitest";
import { ConnectError, createConnectClient } from "../../src/index.js";
import { rejectionOf, validBody } from "../helpers/server.js";

const MiB = 2 ** 20;
const ANSWER = '{"success":true,"transactionId":7}';

/** A 64 MiB body of spaces then a valid answer, made chunk by chunk, counting what is pulled. */
function endlessSpaces() {
  const seen = { bytes: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let left = 64 * MiB;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left <= 0) {
        controller.enqueue(new TextEncoder().encode(ANSWER));
        controller.close();
        return;
      }
      left -= chunk.byteLength;
      seen.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { seen, body };
}

const connect = (fetch: typeof globalThis.fetch) =>
  createConnectClient({ baseUrl: "https://api.test", accessToken: "declared-token", fetch });

test("an answer that declares its length is read whole and parsed", async () => {
  const client = connect(
    async () =>
      new Response(ANSWER, {
        headers: { "content-type": "application/json", "content-length": String(ANSWER.length) },
      }),
  );
  expect(await client.payInvoice(validBody)).toEqual({ transactionId: 7 });
});

test("a fetch whose body outgrows its declared length is refused, whatever it declared", async () => {
  const client = connect(
    async () =>
      new Response(`${" ".repeat(2 * MiB)}${ANSWER}`, {
        headers: { "content-type": "application/json", "content-length": "40" },
      }),
  );
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error).toBeInstanceOf(ConnectError);
  expect(error.code).toBe("unexpected_response");
  expect(error.message).toBe("Response larger than 1 MiB");
});

test("a cross-origin answer is counted as it arrives: a browser hides its Content-Encoding", async () => {
  const { seen, body } = endlessSpaces();
  const client = connect(async () => {
    // What a browser gives for a gzipped cross-origin answer: the packed length, no encoding.
    const response = new Response(body, {
      headers: { "content-type": "application/json", "content-length": "65536" },
    });
    Object.defineProperty(response, "type", { value: "cors" });
    return response;
  });
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error.message).toBe("Response larger than 1 MiB");
  expect(seen.bytes).toBeLessThan(3 * MiB);
});

test("a declared encoding is counted as it arrives, even with a small declared length", async () => {
  const { seen, body } = endlessSpaces();
  const client = connect(
    async () =>
      new Response(body, {
        headers: {
          "content-type": "application/json",
          "content-length": "65536",
          "content-encoding": "gzip",
        },
      }),
  );
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error.message).toBe("Response larger than 1 MiB");
  expect(seen.bytes).toBeLessThan(3 * MiB);
});

test("an answer that declares no length is counted as it arrives", async () => {
  const { seen, body } = endlessSpaces();
  const client = connect(
    async () => new Response(body, { headers: { "content-type": "application/json" } }),
  );
  const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
  expect(error.message).toBe("Response larger than 1 MiB");
  expect(seen.bytes).toBeLessThan(3 * MiB);
});
