// The msw handlers answer the client-mode operations from the same record, so
// a back office's unit tests that mock fetch agree with the sandbox server.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SANDBOX_CUSTOMERS } from "../../src/index.js";
import { createSandboxHandlers } from "../../src/msw.js";
import { clientInvoicesPath, PAY_INVOICE_REQUEST, SERVERS } from "../../../../openapi/fixtures.mjs";

const API_URL = SERVERS.test;
const sandbox = createSandboxHandlers({ apiUrl: API_URL });
const server = setupServer(...sandbox.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const get = (path: string) =>
  fetch(`${API_URL}${path}?from=1970-01-01&to=2999-12-31`, {
    headers: { authorization: "Bearer t" },
  });

it("answers both client-mode operations, and 404 for an unknown customer", async () => {
  const { customerNumber } = SANDBOX_CUSTOMERS[1]!;
  const forProduct = await get(clientInvoicesPath(customerNumber, PAY_INVOICE_REQUEST.productCode));
  expect(forProduct.status).toBe(200);
  const { clientInvoiceInfoList } = (await forProduct.json()) as {
    clientInvoiceInfoList: Record<string, unknown>[];
  };
  expect(clientInvoiceInfoList.map((i) => i.invoiceId)).toContain(
    PAY_INVOICE_REQUEST.invoiceNumber,
  );
  expect(clientInvoiceInfoList.every((i) => i.customerNumber === customerNumber)).toBe(true);
  expect((await get(clientInvoicesPath(customerNumber))).status).toBe(200);
  expect((await get(clientInvoicesPath(customerNumber + 1000))).status).toBe(404);
});
