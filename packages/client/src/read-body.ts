import { ConnectError } from "./errors.js";

// A Pay invoice response is a few bytes; far more means something else responded.
export const MAX_RESPONSE_BYTES = 2 ** 20;

const tooLarge = (status: number) =>
  new ConnectError("unexpected_response", "Response larger than 1 MiB", { status });

// One decoder for every call: decode() without `stream` leaves it ready for the next.
const decoder = new TextDecoder();

/**
 * The body as text, at most 1 MiB of it, so a chunked or compressed response
 * cannot fill the memory. A body that declares its length (at most 1 MiB) and
 * no encoding is read in one native step: over HTTP the framing ends it at
 * that length. Any other body is counted as it arrives (after any gzip
 * decoding) and cut off at the limit.
 *
 * A browser hides Content-Encoding from a cross-origin ("cors") response, so
 * such a body is always counted: its declared length may be the gzipped one.
 */
export async function readBody(response: Response): Promise<string> {
  const { headers, status } = response;
  const declared = headers.get("content-length");
  // A declared length above the limit is refused before reading anything.
  if (Number(declared) > MAX_RESPONSE_BYTES) throw tooLarge(status);
  if (declared && response.type != "cors" && !headers.has("content-encoding")) {
    const bytes = await response.arrayBuffer();
    // A fetch that is not HTTP's (a stub, a wrapper) may send more than it declared.
    if (bytes.byteLength > MAX_RESPONSE_BYTES) throw tooLarge(status);
    return decoder.decode(bytes);
  }
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks = new TextDecoder();
  let text = "";
  for (let bytes = 0; ;) {
    const { done, value } = await reader.read();
    if (done) return text + chunks.decode();
    bytes += value.byteLength;
    if (bytes > MAX_RESPONSE_BYTES) {
      // Stop the download; the caller's deadline is aborted too.
      reader.cancel().catch(() => {});
      throw tooLarge(status);
    }
    text += chunks.decode(value, { stream: true });
  }
}
