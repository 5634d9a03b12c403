// What a merchant's pay route does before the customer sees the pay page:
// Pay invoice on the sandbox's API, then the pay link it would redirect to.
import {
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST,
  PAY_PAGE_PATH,
} from "../../../../openapi/fixtures.mjs";
import type { Sandbox } from "../../src/index.js";

/** Where a test merchant sends the customer back. */
export interface PayLinkTargets {
  clientId: string;
  returnUrl: string;
  errorUrl: string;
}

/** A new transaction and the pay page link for it, with these targets. */
export async function newPayLink(
  sandbox: Sandbox,
  targets: PayLinkTargets,
): Promise<{ transactionId: number; payUrl: string }> {
  const response = await fetch(`${sandbox.apiUrl}${PAY_INVOICE_PATH}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${sandbox.signIn().accessToken}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(PAY_INVOICE_REQUEST),
  });
  const { transactionId } = (await response.json()) as { transactionId: number };
  const query = new URLSearchParams({ ...targets, transactionId: String(transactionId) });
  return { transactionId, payUrl: `${sandbox.loginServer}${PAY_PAGE_PATH}?${query}` };
}
