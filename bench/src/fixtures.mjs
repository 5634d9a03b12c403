// The one request and the one answer every contender sends and reads, so
// every row of the benchmark does the same work.
export const PAY_INVOICE_PATH = "/v1/api/payment/invoice";

export const REQUEST_BODY = Object.freeze({
  invoiceNumber: "7435367",
  productCode: "CO27409",
  companyCode: "68979834",
  paymentMethod: "creditcardPayex",
});

export const TRANSACTION_ID = 12378954;

export const RESPONSE_TEXT = JSON.stringify({ success: true, transactionId: TRANSACTION_ID });

// A made-up token: the benchmark talks only to itself.
export const ACCESS_TOKEN = "bench-token-not-a-secret";
