// What the sandbox's API received, each request checked against the spec and
// each response checked against what the spec declares for its status.
import type { Issue } from "./request-schema.js";

export interface ReceivedRequest {
  /** When the request arrived. */
  at: string;
  method: string;
  /** The path under `apiUrl`, e.g. `/v1/api/payment/invoice`. */
  path: string;
  /** `Bearer [redacted]` when a bearer token was sent: the token itself is never kept. */
  authorization: string | undefined;
  contentType: string | undefined;
  /** The parsed JSON body, or the text when it was not JSON. */
  body: unknown;
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

export class ReceivedLog {
  #entries: ReceivedRequest[] = [];

  add(entry: ReceivedRequest): void {
    this.#entries.push(entry);
  }

  list(): ReceivedRequest[] {
    return structuredClone(this.#entries);
  }

  clear(): void {
    this.#entries = [];
  }
}

export function redactAuthorization(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const scheme = /^\s*(\S+)/.exec(header)?.[1];
  return scheme ? `${scheme} [redacted]` : "[redacted]";
}
