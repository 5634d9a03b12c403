// The API the scenario talks to: a real HTTP server on 127.0.0.1 that plays
// Pay invoice. A request's path says which run and which behaviour it wants:
//   /<run>/<behaviour>/v1/api/payment/invoice
// and `GET /__received/<run>/<behaviour>` tells the scenario what arrived, so
// each runtime can check what the server saw. It answers CORS preflights, as
// an API must for a browser page on another origin to call it.
// `/<run>/login/oauth/token` plays a login server's token endpoint for the
// oauth suite: one authorization code, exchanged once, as RFC 6749 asks.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";
import {
  CHANGE_PAYMENT_METHOD_REQUEST,
  CHANGE_PAYMENT_METHOD_RESPONSE,
  INVOICE,
  INVOICE_DETAILS_PATH,
  INVOICE_DETAILS_RESPONSE,
  LIST_INVOICES_RESPONSE,
  LIST_PAYMENT_METHODS_RESPONSE,
  listInvoicesPath,
  PAY_INVOICE_PATH as PATH,
  PAY_INVOICE_REQUEST,
  PRODUCT_CODE,
  paymentMethodPath,
} from "../../openapi/fixtures.mjs";
import { OAUTH, TOKEN } from "../scenario/support.mjs";

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
  // The token endpoint: tokens for an exact code exchange, RFC 6749 errors otherwise.
  login: (seen, res) =>
    seen.at(-1)?.exact
      ? answer(
          res,
          200,
          {
            access_token: OAUTH.accessToken,
            token_type: "Bearer",
            expires_in: 3600,
            scope: "read",
          },
          { "cache-control": "no-store" },
        )
      : answer(res, 400, {
          error: "invalid_grant",
          error_description: "not the expected exchange",
        }),
  // List (GET) and Change (POST) payment method for the product CO27409: the spec's examples.
  methods: (seen, res) => {
    const last = seen.at(-1);
    if (!last?.exact) return answer(res, 400, { problems: last?.problems });
    answer(
      res,
      200,
      last.method == "GET" ? LIST_PAYMENT_METHODS_RESPONSE : CHANGE_PAYMENT_METHOD_RESPONSE,
    );
  },
  // List invoices and List invoice details for the product CO27409: the spec's examples.
  invoices: (seen, res) => {
    const last = seen.at(-1);
    if (!last?.exact) return answer(res, 400, { problems: last?.problems });
    answer(
      res,
      200,
      last.path.startsWith(INVOICE_DETAILS_PATH)
        ? INVOICE_DETAILS_RESPONSE
        : LIST_INVOICES_RESPONSE,
    );
  },
  // Never answers; the client's timeout or the caller's signal must end the wait.
  hang: () => {},
};

/** Compares a token request with the code exchange the oauth suite makes. */
function tokenProblemsOf(req: IncomingMessage, path: string, text: string): string[] {
  const problems: string[] = [];
  if (req.method != "POST") problems.push(`method ${req.method}`);
  if (path != "/oauth/token") problems.push(`path ${path}`);
  // HTTP Basic of the form-encoded id and secret (RFC 6749 section 2.3.1).
  const basic = /^Basic (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
  const [id, secret] = atob(basic ?? "")
    .split(":")
    .map((part) => decodeURIComponent(part.replace(/\+/g, " ")));
  if (id != OAUTH.clientId || secret != OAUTH.clientSecret) problems.push("client authentication");
  if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
    problems.push(`content-type ${req.headers["content-type"]}`);
  }
  const form = new URLSearchParams(text);
  if (form.get("grant_type") != "authorization_code") problems.push("grant_type");
  if (form.get("code") != OAUTH.code) problems.push("code");
  if (form.get("redirect_uri") != OAUTH.redirectUri) problems.push("redirect_uri");
  if (!/^[\w.~-]{43,128}$/.test(form.get("code_verifier") ?? "")) problems.push("code_verifier");
  return problems;
}

/** Compares a List or Change payment method request with the one the scenario makes. */
function methodProblemsOf(req: IncomingMessage, path: string, text: string): string[] {
  const problems: string[] = [];
  if (path != paymentMethodPath(PRODUCT_CODE)) problems.push(`path ${path}`);
  if (req.headers.authorization != `Bearer ${TOKEN}`) problems.push("authorization");
  if (req.method == "GET") {
    if (text != "") problems.push("a GET with a body");
  } else if (req.method == "POST") {
    if (req.headers["content-type"] != "application/json") {
      problems.push(`content-type ${req.headers["content-type"]}`);
    }
    if (text != JSON.stringify(CHANGE_PAYMENT_METHOD_REQUEST)) problems.push(`body ${text}`);
  } else {
    problems.push(`method ${req.method}`);
  }
  return problems;
}

const DAY = /^\d{4}-\d\d-\d\d$/;

/**
 * Compares an Invoice section request with those the scenario makes: the
 * list with `unpaid=true` and a date window, the list without `unpaid` (the
 * record, for confirmInvoicePayment), and the details of the spec's invoice.
 */
function invoiceProblemsOf(req: IncomingMessage, path: string, text: string): string[] {
  const problems: string[] = [];
  if (req.method != "GET") problems.push(`method ${req.method}`);
  if (req.headers.authorization != `Bearer ${TOKEN}`) problems.push("authorization");
  if (text != "") problems.push("a GET with a body");
  const url = new URL(path, "http://x");
  const keys = [...url.searchParams.keys()].join("&");
  if (url.pathname == INVOICE_DETAILS_PATH) {
    const wanted = `companyCode=${INVOICE.companyCode}&invoiceNumber=${INVOICE.invoiceNumber}&reminderNumber=0`;
    if (url.search != `?${wanted}`) problems.push(`query ${url.search}`);
  } else if (url.pathname == listInvoicesPath(PRODUCT_CODE)) {
    if (keys != "unpaid&from&to" && keys != "from&to") problems.push(`query ${url.search}`);
    if (url.searchParams.has("unpaid") && url.searchParams.get("unpaid") != "true")
      problems.push("unpaid");
    for (const key of ["from", "to"]) {
      if (!DAY.test(url.searchParams.get(key) ?? "")) problems.push(key);
    }
  } else {
    problems.push(`path ${url.pathname}`);
  }
  return problems;
}

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
    const text = Buffer.concat(chunks).toString("utf8");
    const problems =
      behaviour == "login"
        ? tokenProblemsOf(req, path, text)
        : behaviour == "methods"
          ? methodProblemsOf(req, path, text)
          : behaviour == "invoices"
            ? invoiceProblemsOf(req, path, text)
            : problemsOf(req, path, text);
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
