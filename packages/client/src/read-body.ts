import { ConnectError } from "./errors.js";

// A Pay invoice response is a few bytes; far more means something else responded.
export const MAX_RESPONSE_BYTES = 2 ** 20;

// Decoding without `stream` keeps no state between calls, so one decoder serves
// every call: a decoder per call, fed chunk by chunk, cost more than the rest
// of the read (a CPU profile of payInvoice, see the bench README).
const utf8 = new TextDecoder();

const tooLarge = (status: number) =>
  new ConnectError("unexpected_response", "Response larger than 1 MiB", { status });

/**
 * The body as text, counting the bytes as they arrive (after any gzip
 * decoding, whether or not a Content-Length was sent) and stopping at 1 MiB,
 * so a chunked or compressed response cannot fill the memory.
 */
export async function readBody(response: Response): Promise<string> {
  // A declared length above the limit is refused before reading anything.
  if (Number(response.headers.get("content-length")) > MAX_RESPONSE_BYTES) {
    throw tooLarge(response.status);
  }
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  for (let bytes = 0; ;) {
    const { done, value } = await reader.read();
    if (done) return utf8.decode(chunks.length == 1 ? chunks[0]! : joined(chunks, bytes));
    bytes += value.byteLength;
    if (bytes > MAX_RESPONSE_BYTES) {
      // Stop the download; the caller's deadline is aborted too.
      reader.cancel().catch(() => {});
      throw tooLarge(response.status);
    }
    chunks.push(value);
  }
}

/** The chunks as one array of bytes, so a character split between two decodes whole. */
function joined(chunks: Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
