// The API the scenario talks to: a real HTTP server on 127.0.0.1 that plays
// Pay invoice. A request's path says which run and which behaviour it wants:
//   /<run>/<behaviour>/v1/api/payment/invoice
// and `GET /__received/<run>/<behaviour>` tells the scenario what arrived, so
// each runtime can check what the server saw. It answers CORS preflights, as
// an API must for a browser page on another origin to call it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";
import { PAY_INVOICE_PATH as PATH, PAY_INVOICE_REQUEST } from "../../openapi/fixtures.mjs";
import { TOKEN } from "../scenario/support.mjs";

/** What the server saw of one request, and whether it was exactly what the client must send. */
interface Received {
  method: string;
  path: string;
  exact: boolean;
  problems: string[];
}

type Behaviour = (seen: Received[], res: ServerResponse) => void;

const answer = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

const BEHAVIOURS: Record<string, Behaviour> = {
  ok: (seen, res) =>
    seen.at(-1)?.exact
      ? answer(res, 200, { success: true, transactionId: 4242 })
      : answer(res, 400, { problems: seen.at(-1)?.problems }),
  // 429 once, then the same as ok.
  limited: (seen, res) =>
    seen.length == 1
      ? answer(res, 429, { message: "slow down" }, { "retry-after": "0" })
      : BEHAVIOURS.ok!(seen, res),
  error: (_, res) => answer(res, 500, { message: "boom" }),
  // Never answers; the client's timeout or the caller's signal must end the wait.
  hang: () => {},
};

/** Compares a request with the one the scenario asked for. */
function problemsOf(req: IncomingMessage, path: string, text: string): string[] {
  const problems: string[] = [];
  if (req.method != "POST") problems.push(`method ${req.method}`);
  if (path != PATH) problems.push(`path ${path}`);
  if (req.headers.authorization != `Bearer ${TOKEN}`) problems.push("authorization");
  if (req.headers["content-type"] != "application/json") {
    problems.push(`content-type ${req.headers["content-type"]}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push("body is not JSON");
  }
  if (body !== undefined && !isDeepStrictEqual(body, PAY_INVOICE_REQUEST)) {
    problems.push(`body ${text}`);
  }
  return problems;
}

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

export async function startApiServer(): Promise<ApiServer> {
  const received = new Map<string, Received[]>();
  const server = createServer(async (req, res) => {
    // Any page may call it: the test pages live on another origin.
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-expose-headers", "retry-after");
    if (req.method == "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "POST, GET",
        "access-control-allow-headers": "authorization, content-type",
        "access-control-max-age": "600",
      });
      return res.end();
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const [, head = "", second = "", ...rest] = (req.url ?? "").split("/");
    if (head == "__received") {
      return answer(res, 200, received.get(`${second}/${rest[0]}`) ?? []);
    }
    const [run, behaviour, path] = [head, second, `/${rest.join("/")}`];
    const problems = problemsOf(req, path, Buffer.concat(chunks).toString("utf8"));
    const seen = received.get(`${run}/${behaviour}`) ?? [];
    received.set(`${run}/${behaviour}`, seen);
    seen.push({ method: req.method ?? "", path, exact: problems.length == 0, problems });
    const handle = BEHAVIOURS[behaviour];
    if (!handle) return answer(res, 404, { message: `no behaviour ${behaviour}` });
    handle(seen, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
