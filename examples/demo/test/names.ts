// The result parameter's name is not documented by the provider. The flow must
// work whatever it is called, with the SDK's defaults untouched: the sandbox
// is started under each of these names.
import { bindReturnUrl, verifyPaymentReturn } from "@connect-payment/redirect";

export const RESULT_PARAM_NAMES = ["paymentStatus", "status", "result"] as const;

/**
 * Whether the redirect package reads the result whatever its name (it finds
 * the single added parameter after the signature). Until it does, the flows
 * under names other than the default cannot pass; they run as soon as it does.
 */
export async function readsAnyResultName(): Promise<boolean> {
  const secret = "x".repeat(43);
  const bound = await bindReturnUrl("https://shop.example/return", { transactionId: 1, secret });
  const result = await verifyPaymentReturn(`${bound}&result=finished`, { secret });
  return result.verified && result.status === "finished";
}
