// The same consumer as ours.ts, written against plain openapi-fetch and the
// generated `paths`: two POST calls, one error check each.
import type { paths } from "@connect-payment/types";
import createClient from "openapi-fetch";

const client = createClient<paths>({
  baseUrl: "https://api-test.mediaconnect.no/capi",
  headers: { Authorization: "Bearer customer access token" },
});

export async function pay(invoiceNumber: string): Promise<number | undefined> {
  const { data, error, response } = await client.POST("/v1/api/payment/invoice", {
    body: {
      invoiceNumber,
      productCode: "PRODUCT-1",
      companyCode: "COMPANY-1",
      paymentMethod: "vippsEcommerce",
    },
  });
  if (response.status === 429) return undefined;
  if (error !== undefined || data?.success === false) throw new Error(`HTTP ${response.status}`);
  return data?.transactionId;
}

export async function payThroughRaw(invoiceNumber: string): Promise<number | undefined> {
  const { data, error } = await client.POST("/v1/api/payment/invoice", {
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
