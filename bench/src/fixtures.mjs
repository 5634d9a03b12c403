// The one request and the one answer every contender sends and reads, so
// every row of the benchmark does the same work: the spec's own examples.
import { PAY_INVOICE_RESPONSE } from "../../openapi/fixtures.mjs";

export {
  MAX_LENGTHS,
  PAY_INVOICE_PATH,
  PAY_INVOICE_REQUEST as REQUEST_BODY,
  TRANSACTION_ID,
} from "../../openapi/fixtures.mjs";

export const RESPONSE_TEXT = JSON.stringify(PAY_INVOICE_RESPONSE);

// A made-up token: the benchmark talks only to itself.
export const ACCESS_TOKEN = "bench-token-not-a-secret";
