// List payment methods (GET /v1/product/payment/{productCode}): the method
// the last finished change chose (`isActive: "Y"`), or the reference's
// sample method before any change.
import { ok } from "../answers.js";
import { enumOf, loadSpec } from "../spec.js";
import type { OperationModule } from "./operation.js";
import { productTriggered } from "./payment-method-triggers.js";

/** The method a product has before any change: the reference's sample. */
const FIRST_METHOD = enumOf(loadSpec(), "ListedPaymentMethod")[0]!;

export const listPaymentMethods: OperationModule = {
  operationId: "listPaymentMethods",
  answer({ params }, { changes }) {
    const productCode = params.productCode!;
    const triggered = productTriggered(productCode);
    if (triggered) return triggered;
    const finished = changes
      .list()
      .filter((c) => c.request.productCode === productCode && c.outcome === "finished");
    const current = finished.at(-1)?.request.paymentMethod ?? FIRST_METHOD;
    return ok({ paymentMethodResponseItems: [{ paymentMethod: current, isActive: "Y" }] });
  },
};
