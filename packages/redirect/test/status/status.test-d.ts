import type { PaymentResultStatus as FromTypesPackage } from "@connect-payment/types";
import { describe, expectTypeOf, test } from "vitest";
import {
  canRetry,
  isFinalStatus,
  isPaid,
  parsePaymentReturn,
  verifyPaymentReturn,
  type FinalStatus,
  type PaymentResultStatus,
  type PaymentReturnStatus,
  type RetryableStatus,
} from "../../src/index.js";

describe("status types", () => {
  test("the status derived from the generated constant equals the types package's", () => {
    expectTypeOf<PaymentResultStatus>().toEqualTypeOf<FromTypesPackage>();
  });

  test("a return status is a documented one, missing or unrecognized", () => {
    expectTypeOf<PaymentReturnStatus>().toEqualTypeOf<
      FromTypesPackage | "missing" | "unrecognized"
    >();
    expectTypeOf(parsePaymentReturn("")).toEqualTypeOf<{
      status: PaymentReturnStatus;
      transactionId?: number;
    }>();
  });

  test("isPaid narrows to finished, and its else branch excludes finished", () => {
    const status = {} as PaymentReturnStatus;
    if (isPaid(status)) expectTypeOf(status).toEqualTypeOf<"finished">();
    else expectTypeOf(status).toEqualTypeOf<Exclude<PaymentReturnStatus, "finished">>();
  });

  test("isFinalStatus narrows to the final ones", () => {
    const status = {} as PaymentReturnStatus;
    if (isFinalStatus(status)) expectTypeOf(status).toEqualTypeOf<FinalStatus>();
    else expectTypeOf(status).toEqualTypeOf<"unknown" | "initiated" | "missing" | "unrecognized">();
  });

  test("canRetry narrows to the retryable ones", () => {
    const status = {} as PaymentReturnStatus;
    if (canRetry(status)) expectTypeOf(status).toEqualTypeOf<RetryableStatus>();
    expectTypeOf<RetryableStatus>().toEqualTypeOf<"cancelled" | "failed" | "error">();
  });

  test("the type guards take statuses, not any string", () => {
    // @ts-expect-error a typo is not a status
    isPaid("finshed");
    // @ts-expect-error the server's raw value must go through parsePaymentReturn first
    canRetry("cancelled" as string);
  });

  test("verifyPaymentReturn gives a transactionId only when verified", async () => {
    const result = await verifyPaymentReturn("", { secret: "" });
    if (result.verified) {
      expectTypeOf(result.transactionId).toEqualTypeOf<number>();
    } else {
      expectTypeOf(result.reason).toEqualTypeOf<
        "missing_signature" | "bad_signature" | "malformed"
      >();
      // @ts-expect-error an unverified return has no transactionId
      void result.transactionId;
    }
  });
});
