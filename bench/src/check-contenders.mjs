// Before anything is timed: every contender must really make the call and
// read the transaction id, or its figures would mean nothing.
import { TRANSACTION_ID } from "./fixtures.mjs";

export async function checkContenders(contenders, io) {
  for (const { id, make } of contenders) {
    const got = await make(io)();
    if (got !== TRANSACTION_ID) {
      throw new Error(`Contender "${id}" returned ${String(got)}, expected ${TRANSACTION_ID}`);
    }
  }
}
