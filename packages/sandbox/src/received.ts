// What the sandbox's API received, each request checked against the spec and
// each response checked against what the spec declares for its status. The
// log is bounded in count and bytes; each entry is kept as JSON text, so
// listing it copies without recursion and no body can make it fail.
import type { Issue } from "./request-schema.js";

/** One request the sandbox's API received, as `requests()` lists it. */
export interface ReceivedRequest {
  /** When the request arrived. */
  at: string;
  /** The HTTP method, e.g. `POST`. */
  method: string;
  /** The path under `apiUrl`, e.g. `/v1/api/payment/invoice`. */
  path: string;
  /** `Bearer [redacted]` when a bearer token was sent: the token itself is never kept. */
  authorization: string | undefined;
  /** The `Content-Type` header as sent. */
  contentType: string | undefined;
  /**
   * The parsed JSON body, or the text when it was not JSON (or nested deeper
   * than 64 levels). For a request refused before its body mattered (no
   * accepted token, wrong method or content type) only the text's first
   * 1,024 characters, with `bodyTruncated: true` when cut.
   */
  body: unknown;
  /** `true` when `body` is an excerpt of what was sent. */
  bodyTruncated?: true;
  /** What makes the request invalid under the spec; `[]` for a valid request. */
  requestIssues: Issue[];
  /** The status answered, or `"dropped"` when the connection was closed without one. */
  status: number | "dropped";
  /**
   * Where the response departs from the spec for its status; `[]` when it conforms.
   * Only the out-of-spec faults (`notJson`, and statuses the spec does not list) have any.
   */
  responseIssues: Issue[];
}

export interface LogLimits {
  /** Entries kept at most; the oldest go first. */
  maxEntries: number;
  /** Bytes of `JSON.stringify(requests())` at most; the oldest go first. */
  maxBytes: number;
}

export const DEFAULT_LOG_LIMITS: LogLimits = { maxEntries: 1000, maxBytes: 8 * 1024 * 1024 };

/** Characters of the body kept for a refused request, or one too large for the byte budget. */
export const EXCERPT_CHARS = 1024;
/** Bodies nested deeper are kept as text: deep values break structured copies and JSON output. */
const MAX_DEPTH = 64;

export class ReceivedLog {
  #entries: { json: string; bytes: number }[] = [];
  // Bytes of the JSON array of all entries: "[" + entries joined by "," + "]".
  #bytes = 1;

  constructor(private readonly limits: LogLimits = DEFAULT_LOG_LIMITS) {}

  add(entry: ReceivedRequest): void {
    let json = JSON.stringify(entry);
    let bytes = Buffer.byteLength(json) + 1;
    if (bytes + 1 > this.limits.maxBytes && typeof entry.body === "string") {
      json = JSON.stringify({ ...entry, ...excerpt(entry.body) });
      bytes = Buffer.byteLength(json) + 1;
    }
    this.#entries.push({ json, bytes });
    this.#bytes += bytes;
    while (
      this.#entries.length > this.limits.maxEntries ||
      (this.#bytes > this.limits.maxBytes && this.#entries.length > 1)
    ) {
      this.#bytes -= this.#entries.shift()!.bytes;
    }
  }

  list(): ReceivedRequest[] {
    return this.#entries.map(({ json }) => JSON.parse(json) as ReceivedRequest);
  }

  clear(): void {
    this.#entries = [];
    this.#bytes = 1;
  }
}

/** The body as the log keeps it: an excerpt for a request refused before its body mattered. */
export function loggedBody(
  text: string | undefined,
  refused: boolean,
): Pick<ReceivedRequest, "body" | "bodyTruncated"> {
  if (text === undefined || text === "") return { body: text };
  if (refused) return excerpt(text);
  if (nestingDepth(text) > MAX_DEPTH) return { body: text };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { body: text };
  }
}

function excerpt(text: string): Pick<ReceivedRequest, "body" | "bodyTruncated"> {
  return text.length <= EXCERPT_CHARS
    ? { body: text }
    : { body: text.slice(0, EXCERPT_CHARS), bodyTruncated: true };
}

/** The deepest nesting of `[` and `{` outside strings: a loop, no recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") deepest = Math.max(deepest, ++depth);
    else if (c === "]" || c === "}") depth--;
  }
  return deepest;
}

export function redactAuthorization(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const scheme = /^\s*(\S+)/.exec(header)?.[1];
  return scheme ? `${scheme} [redacted]` : "[redacted]";
}
