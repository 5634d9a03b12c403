// 1,000 concurrent calls through one client, each with its own token: every
// request must carry its own token and every call get its own transactionId.
import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createConnectClient } from "../../src/index.js";
import { json, startServer, validBody, type TestServer } from "../helpers/server.js";

const CALLS = 1000;
let server: TestServer;
let nextTransactionId = 1000;
// What the server saw, by the transactionId it answered with.
const seen = new Map<number, { authorization: string | undefined; invoiceNumber: string }>();

beforeAll(async () => {
  server = await startServer({
    pay: async (request, res) => {
      const transactionId = nextTransactionId++;
      const { invoiceNumber } = request.body as { invoiceNumber: string };
      seen.set(transactionId, { authorization: request.authorization, invoiceNumber });
      // Answer in a shuffled order, so calls finish out of order.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      json(res, 200, { success: true, transactionId });
    },
  });
});
afterAll(() => server.close());

test(`${CALLS} concurrent calls: own token, own transactionId, nothing crosses`, async () => {
  const callIndex = new AsyncLocalStorage<number>();
  const client = createConnectClient({
    baseUrl: server.baseUrl("pay"),
    // The token function knows which call it serves through async context.
    accessToken: async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      return `token-${callIndex.getStore()}`;
    },
  });
  const results = await Promise.all(
    Array.from({ length: CALLS }, (_, index) =>
      callIndex.run(index, () =>
        client.payInvoice({ ...validBody, invoiceNumber: `inv-${index}` }),
      ),
    ),
  );

  expect(server.count("pay")).toBe(CALLS);
  expect(server.received.every((r) => r.valid)).toBe(true);
  const ids = results.map((result) => result.transactionId);
  expect(new Set(ids).size).toBe(CALLS);
  for (const [index, { transactionId }] of results.entries()) {
    // The id this call got is the id the server gave to this call's request,
    // which carried this call's token.
    expect(seen.get(transactionId)).toEqual({
      authorization: `Bearer token-${index}`,
      invoiceNumber: `inv-${index}`,
    });
  }
}, 180_000);
