// A consumer of @connect-payment/client: one payInvoice call and one call
// through the typed raw client. plain.ts does the same with openapi-fetch.
// The invoice fields are the merchant's own data.
import { ConnectError, createConnectClient } from "@connect-payment/client";
import { createRawClient } from "@connect-payment/client/raw";

const options = {
  environment: "test",
  accessToken: () => Promise.resolve("customer access token"),
} as const;
const client = createConnectClient(options);
const raw = createRawClient(options);

export async function pay(invoiceNumber: string): Promise<number | undefined> {
  try {
    const { transactionId } = await client.payInvoice({
      invoiceNumber,
      productCode: "PRODUCT-1",
      companyCode: "COMPANY-1",
      paymentMethod: "vippsEcommerce",
    });
    return transactionId;
  } catch (error) {
    if (error instanceof ConnectError && error.code === "rate_limited") return undefined;
    throw error;
  }
}

export async function payThroughRaw(invoiceNumber: string): Promise<number | undefined> {
  const { data, error } = await raw.POST("/v1/api/payment/invoice", {
    body: {
      invoiceNumber,
      productCode: "PRODUCT-1",
      companyCode: "COMPANY-1",
      paymentMethod: "swishPayex",
    },
  });
  if (error !== undefined) return undefined;
  return data?.transactionId;
}
