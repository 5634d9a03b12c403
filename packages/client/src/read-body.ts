import { ConnectError } from "./errors.js";

// A Pay invoice response is a few bytes; far more means something else responded.
export const MAX_RESPONSE_BYTES = 2 ** 20;

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
  const decoder = new TextDecoder();
  let text = "";
  for (let bytes = 0; ;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > MAX_RESPONSE_BYTES) {
      // Stop the download; the caller's deadline is aborted too.
      reader.cancel().catch(() => {});
      throw tooLarge(response.status);
    }
    text += decoder.decode(value, { stream: true });
  }
}
