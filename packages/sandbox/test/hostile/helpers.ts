// Raw HTTP for the hostile-input tests: a Host header fetch will not let us
// set, and a keep-alive agent whose one socket carries several requests.
import { Agent, request as httpRequest } from "node:http";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    agent?: Agent;
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: options.method ?? "GET",
        headers: options.headers,
        ...(options.agent ? { agent: options.agent } : {}),
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        incoming.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** `[[[…]]]`, `depth` levels deep: a few bytes each, so it fits the 64 KiB limit. */
export const nestedArrays = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
