// A real HTTP server on 127.0.0.1 for the tests. It checks every request body
// against the spec's JSON schema with a real validator, so a client that
// drifts from the spec fails, and it records what it received.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { PayInvoiceRequest } from "@connect-payment/types";
import {
  operation,
  PAY_INVOICE_REQUEST,
  PAYMENT_METHOD_PATH,
  validatorAt,
} from "../../../../openapi/fixtures.mjs";
import { PAY_INVOICE_PATH } from "../../src/generated/spec.js";
import { validInvoiceRequest } from "./invoice-routes.js";

const validateRequest = validatorAt("/components/schemas/PayInvoiceRequest");
const validateChange = validatorAt("/components/schemas/ChangePaymentMethodRequest");
const pointer = (id: string) => {
  const { path, method } = operation(id);
  return `/paths/${path.replaceAll("/", "~1")}/${method}`;
};
const validateProductCode = (method: "get" | "post") =>
  validatorAt(
    `${pointer(method === "get" ? "listPaymentMethods" : "changePaymentMethod")}/parameters/0/schema`,
  );
/** The product code in a List or Change payment method path (still encoded), if it is one. */
function productCodeIn(path: string): string | undefined {
  const prefix = PAYMENT_METHOD_PATH.split("{")[0]!;
  const rest = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
  return rest === undefined || /[/?]/.test(rest) ? undefined : rest;
}

/** Whether a request is one of the spec's operations, with a body and path parameter it allows. */
function validRequest(method: string, path: string, body: unknown): boolean {
  const invoice = validInvoiceRequest(method, path, body);
  if (invoice !== undefined) return invoice;
  if (method === "POST" && path === PAY_INVOICE_PATH) return validateRequest(body) === true;
  const code = productCodeIn(path);
  if (code === undefined) return false;
  const productCode = decodeURIComponent(code);
  if (method === "GET")
    return validateProductCode("get")(productCode) === true && body === undefined;
  return (
    method === "POST" &&
    validateProductCode("post")(productCode) === true &&
    validateChange(body) === true
  );
}

export interface ReceivedRequest {
  method: string;
  /** The path after the scenario prefix, e.g. the Pay invoice path. */
  path: string;
  /** The first path segment, which the tests use to pick a scenario. */
  scenario: string;
  authorization: string | undefined;
  headers: IncomingMessage["headers"];
  body: unknown;
  /** Whether the method and path are an operation of the spec, with a body and path parameter it allows. */
  valid: boolean;
}

export type Handler = (
  request: ReceivedRequest,
  res: ServerResponse,
  req: IncomingMessage,
) => void | Promise<void>;

export interface TestServer {
  url: string;
  /** The base URL of one scenario: requests to it reach `handlers[scenario]`. */
  baseUrl(scenario: string): string;
  received: ReceivedRequest[];
  count(scenario: string): number;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** Starts a server whose response depends on the first path segment (the scenario). */
export async function startServer(handlers: Record<string, Handler>): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      body = undefined;
    }
    const [, scenario = "", ...rest] = (req.url ?? "").split("/");
    const path = `/${rest.join("/")}`;
    const request: ReceivedRequest = {
      method: req.method ?? "",
      path,
      scenario,
      authorization: req.headers.authorization,
      headers: req.headers,
      body,
      valid: validRequest(req.method ?? "", path, body),
    };
    received.push(request);
    const handler = handlers[scenario];
    if (!request.valid || !handler) {
      json(res, 418, {
        error: "the test server refused this request",
        errors: validateRequest.errors,
      });
      return;
    }
    await handler(request, res, req);
  });
  // A long backlog, so a burst of concurrent connections is not dropped.
  await new Promise<void>((resolve) =>
    server.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, resolve),
  );
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    baseUrl: (scenario) => `${url}/${scenario}`,
    received,
    count: (scenario) => received.filter((r) => r.scenario === scenario).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens, so connecting is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A valid Pay invoice body: the spec's example. */
export const validBody = PAY_INVOICE_REQUEST as Readonly<PayInvoiceRequest>;

/** Collects unhandled rejections while a test runs. */
export function trackUnhandledRejections(): { list: unknown[]; stop(): void } {
  const list: unknown[] = [];
  const listener = (reason: unknown) => list.push(reason);
  process.on("unhandledRejection", listener);
  return { list, stop: () => process.off("unhandledRejection", listener) };
}

/** Catches what a promise rejects with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, but it resolved");
}
