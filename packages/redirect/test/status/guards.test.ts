import { describe, expect, test } from "vitest";
import {
  canRetry,
  isFinalStatus,
  isPaid,
  PAYMENT_RESULT_STATUSES,
  type PaymentReturnStatus,
} from "../../src/index.js";

const every: PaymentReturnStatus[] = [...PAYMENT_RESULT_STATUSES, "missing", "unrecognized"];
const pick = (predicate: (s: PaymentReturnStatus) => boolean) => every.filter(predicate);

describe("status type guards", () => {
  test("only finished means paid", () => {
    expect(pick(isPaid)).toEqual(["finished"]);
  });

  test("finished, cancelled, failed and error are final; initiated and unknown may change", () => {
    expect(pick(isFinalStatus)).toEqual(["finished", "cancelled", "failed", "error"]);
  });

  test("cancelled, failed and error offer another try", () => {
    expect(pick(canRetry)).toEqual(["cancelled", "failed", "error"]);
  });

  test("a missing or unrecognized status is neither paid, final nor retryable: ask the API", () => {
    for (const status of ["missing", "unrecognized"] as const) {
      expect([isPaid(status), isFinalStatus(status), canRetry(status)]).toEqual([
        false,
        false,
        false,
      ]);
    }
  });

  test("a value from outside the union is treated as nothing", () => {
    const odd = "FINISHED" as PaymentReturnStatus;
    expect([isPaid(odd), isFinalStatus(odd), canRetry(odd)]).toEqual([false, false, false]);
  });
});
