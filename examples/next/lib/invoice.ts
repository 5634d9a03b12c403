/** The invoice the home page offers to pay: yours comes from your billing. */
export const OPEN_INVOICE = "1001";
