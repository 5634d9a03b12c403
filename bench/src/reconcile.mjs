// The back office's section of the bench: a backlog of unconfirmed payments
// reconciled in client mode against the sandbox enforcing the provider's rate
// limits (100 calls a second, 2,000 a minute per client), its clock sped up
// so a run takes under a minute. Reported: calls per second of the sandbox's
// clock and the 429s seen (goal: 0). The control: a naive loop with no budget
// against a sandbox enforcing the same limits, to show that they bite.
//
//   node bench/src/reconcile.mjs [--quick]   (pnpm bench runs it too)
import { setTimeout as sleep } from "node:timers/promises";
import {
  createConnectClient,
  PROVIDER_RATE_LIMITS,
  readInvoice,
  reconcilePayments,
} from "@connect-payment/client";
import { createClientCredentialsSource } from "@connect-payment/oauth";
import { buildInvoicePaymentUrl } from "@connect-payment/redirect";
import { DEFAULT_OAUTH_CLIENT, SANDBOX_CUSTOMERS, startSandbox } from "@connect-payment/sandbox";
import { clientInvoicesPath, PAY_INVOICE_REQUEST } from "../../openapi/fixtures.mjs";

const { clientId, clientSecret } = DEFAULT_OAUTH_CLIENT;
const PAYMENT_METHOD = "vippsEcommerce";

export async function benchReconcile({ payments, paid, clockSpeed, share, naiveCalls }) {
  const run = await reconcileRun({ payments, paid, clockSpeed, share });
  const naive = await naiveRun({ calls: naiveCalls, clockSpeed });
  return { payments, paid, clockSpeed, share, limits: PROVIDER_RATE_LIMITS, run, naive };
}

/** The budget's clock is the sandbox's: the same time, the same speed. */
const spedClock = (sandbox, speed) => ({
  now: () => sandbox.clock(),
  sleep: (ms, signal) => sleep(ms / speed, undefined, { signal }),
});

async function reconcileRun({ payments, paid, clockSpeed, share }) {
  const sandbox = await startSandbox({ rateLimits: true, clockSpeed, paidRecordDelayMs: 0 });
  try {
    const backlog = await startedPayments(sandbox, payments, paid);
    const before = sandbox.rateLimitCounts();
    const backOffice = createConnectClient({
      baseUrl: sandbox.apiUrl,
      accessToken: createClientCredentialsSource({
        loginServer: sandbox.loginServer,
        clientId,
        clientSecret,
      }),
    });
    const clockStart = sandbox.clock();
    const realStart = performance.now();
    let confirmed = 0;
    let results = 0;
    for await (const result of reconcilePayments(backOffice, {
      payments: backlog,
      judge: (invoice) => readInvoice(invoice).state,
      share,
      clock: spedClock(sandbox, clockSpeed),
    })) {
      results += 1;
      if (result.state === "paid") confirmed += 1;
    }
    const sandboxSeconds = (sandbox.clock() - clockStart) / 1000;
    const after = sandbox.rateLimitCounts();
    const calls = after.allowed - before.allowed;
    return {
      results,
      confirmed,
      calls,
      limited: after.limited - before.limited,
      sandboxSeconds,
      realSeconds: (performance.now() - realStart) / 1000,
      callsPerSandboxSecond: calls / sandboxSeconds,
      callsPerSandboxMinute: (calls / sandboxSeconds) * 60,
    };
  } finally {
    await sandbox.close();
  }
}

/**
 * The backlog: one payment per product code (one call each, as for a
 * merchant with many customers), spread over the test customers; `paid` of
 * them real invoices the customer paid at the provider and never returned from.
 */
async function startedPayments(sandbox, count, paid) {
  const startedAt = Date.now();
  const backlog = [];
  for (let i = 0; i < count; i++) {
    const customer = SANDBOX_CUSTOMERS[i % SANDBOX_CUSTOMERS.length];
    const productCode = `B${i}`;
    const invoiceNumber = String(5_000_000 + i);
    const payment = { customerNumber: customer.customerNumber, productCode, invoiceNumber };
    if (i < paid) {
      const invoice = sandbox.addInvoice({ customer: customer.id, productCode, invoiceNumber });
      await payAtTheProvider(sandbox, customer.id, { ...invoice, productCode });
      backlog.push({ ...payment, companyCode: invoice.companyCode, startedAt });
    } else {
      backlog.push({ ...payment, companyCode: PAY_INVOICE_REQUEST.companyCode, startedAt });
    }
  }
  return backlog;
}

async function payAtTheProvider(sandbox, customer, invoice) {
  const client = createConnectClient({
    baseUrl: sandbox.apiUrl,
    accessToken: sandbox.signIn(customer).accessToken,
  });
  const { transactionId } = await client.payInvoice({
    invoiceNumber: invoice.invoiceNumber,
    productCode: invoice.productCode,
    companyCode: invoice.companyCode,
    paymentMethod: PAYMENT_METHOD,
  });
  const payUrl = buildInvoicePaymentUrl({
    loginServer: sandbox.loginServer,
    clientId,
    transactionId,
    returnUrl: "https://shop.example/return",
    errorUrl: "https://shop.example/error",
  });
  sandbox.completePayment(payUrl, "finished");
}

/** The control: the same calls in a plain loop, eight at a time, no budget, no retries. */
async function naiveRun({ calls, clockSpeed }) {
  const sandbox = await startSandbox({ rateLimits: true, clockSpeed });
  try {
    const token = sandbox.clientToken().accessToken;
    const customer = SANDBOX_CUSTOMERS[0].customerNumber;
    let next = 0;
    const clockStart = sandbox.clock();
    const worker = async () => {
      while (next < calls) {
        const i = next++;
        const response = await fetch(sandbox.apiUrl + clientInvoicesPath(customer, `B${i}`), {
          headers: { authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const sandboxSeconds = (sandbox.clock() - clockStart) / 1000;
    const { allowed, limited } = sandbox.rateLimitCounts();
    return { calls, allowed, limited, sandboxSeconds };
  } finally {
    await sandbox.close();
  }
}

export function renderReconcileMarkdown({ payments, paid, clockSpeed, share, limits, run, naive }) {
  const n = (value, digits = 0) =>
    value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${n(payments)} unconfirmed payments (${n(paid)} paid at the provider, the customer never back), reconciled with \`reconcilePayments\` (share ${share}) against the sandbox enforcing the provider's limits (${limits.perSecond}/s, ${n(limits.perMinute)}/min per client), its clock ${clockSpeed}× real time.

| run | calls | 429s | sandbox time | real time | calls per sandbox second | calls per sandbox minute |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| reconcilePayments, share ${share} | ${n(run.calls)} | **${n(run.limited)}** | ${n(run.sandboxSeconds, 1)} s | ${n(run.realSeconds, 1)} s | ${n(run.callsPerSandboxSecond, 1)} | ${n(run.callsPerSandboxMinute)} |
| control: a plain loop, 8 at a time, no budget | ${n(naive.calls)} | ${n(naive.limited)} | ${n(naive.sandboxSeconds, 1)} s | | | |

Confirmed paid: ${n(run.confirmed)} of ${n(paid)}; results reported: ${n(run.results)} of ${n(payments)}. Goal: 0 429s for the reconciliation.
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes("--quick");
  const results = await benchReconcile(
    quick
      ? { payments: 1_000, paid: 20, clockSpeed: 20, share: 0.5, naiveCalls: 600 }
      : { payments: 10_000, paid: 50, clockSpeed: 20, share: 0.5, naiveCalls: 3_000 },
  );
  console.log(renderReconcileMarkdown(results));
}
