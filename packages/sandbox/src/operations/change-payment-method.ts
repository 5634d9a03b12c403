// Change payment method (POST /v1/product/payment/{productCode}): starts a
// change and answers its `paymentChangeId`; the change page finishes it.
import { ok } from "../answers.js";
import type { OperationModule } from "./operation.js";
import { productTriggered } from "./payment-method-triggers.js";

export const changePaymentMethod: OperationModule = {
  operationId: "changePaymentMethod",
  answer({ params, body }, { changes }) {
    const productCode = params.productCode!;
    const triggered = productTriggered(productCode);
    if (triggered) return triggered;
    const { paymentMethod } = body as { paymentMethod: string };
    const change = changes.create({ productCode, paymentMethod });
    return ok({ paymentChangeId: change.id });
  },
};
