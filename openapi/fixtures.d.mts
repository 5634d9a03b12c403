import type { ValidateFunction } from "ajv/dist/2020.js";

/** The spec file's absolute path. */
export declare const SPEC_PATH: string;
/** The spec as plain data; its shape is checked by the spec linter, not here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain data, see above
export declare const spec: any;
/** The path, method and operation object of an operation, by its `operationId`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a part of `spec`
export declare function operation(id: string): { path: string; method: string; op: any };
/** The Pay invoice path. */
export declare const PAY_INVOICE_PATH: string;
/** The spec's example Pay invoice request body. */
export declare const PAY_INVOICE_REQUEST: Readonly<{
  invoiceNumber: string;
  productCode: string;
  companyCode: string;
  paymentMethod: string;
}>;
/** The spec's example answer to it. */
export declare const PAY_INVOICE_RESPONSE: Readonly<{ success: boolean; transactionId: number }>;
/** The `transactionId` of the example answer. */
export declare const TRANSACTION_ID: number;
/** The `maxLength` of every string field of the Pay invoice request that has one. */
export declare const MAX_LENGTHS: Readonly<Record<string, number>>;
/** A validator for the schema at a JSON pointer into the spec. */
export declare function validatorAt(pointer: string): ValidateFunction;
/** The path template of List and Change payment method. */
export declare const PAYMENT_METHOD_PATH: string;
/** The spec's example List payment methods answer. */
export declare const LIST_PAYMENT_METHODS_RESPONSE: Readonly<{
  paymentMethodResponseItems: { paymentMethod: string; isActive: string }[];
}>;
/** The spec's example Change payment method request body. */
export declare const CHANGE_PAYMENT_METHOD_REQUEST: Readonly<{ paymentMethod: string }>;
/** The spec's example answer to it. */
export declare const CHANGE_PAYMENT_METHOD_RESPONSE: Readonly<{ paymentChangeId: number }>;
/** The `paymentChangeId` of the example answer. */
export declare const PAYMENT_CHANGE_ID: number;
/** The example product code of the List and Change payment method path. */
export declare const PRODUCT_CODE: string;
/** The spec's example 400, 413, 415 (`ApiError`) and 401 (`OAuthError`) bodies of an operation. */
export type ErrorExamples = Readonly<{
  "400": Readonly<{ exceptionType: string; errorMessage: string }>;
  "401": Readonly<{ error: string; error_description: string }>;
  "413": Readonly<{ exceptionType: string; errorMessage: string }>;
  "415": Readonly<{ exceptionType: string; errorMessage: string }>;
}>;
/** The spec's example 400, 401, 413 and 415 bodies of Pay invoice. */
export declare const PAY_INVOICE_ERRORS: ErrorExamples;
/** The spec's example 400, 401, 413 and 415 bodies of Change payment method. */
export declare const PAYMENT_METHOD_ERRORS: ErrorExamples;
/** The path of the login server's pay page. */
export declare const PAY_PAGE_PATH: string;
/** The path of the login server's payment change page. */
export declare const PAYMENT_CHANGE_PAGE_PATH: string;
/** The API servers by environment. */
export declare const SERVERS: Readonly<{ production: string; test: string }>;
/** The login servers by name. */
export declare const LOGIN_SERVERS: Readonly<{ norway: string; sweden: string; test: string }>;
/** The payment methods Pay invoice takes, in the spec's order. */
export declare const PAYMENT_METHODS: readonly string[];
/** The payment results ConnectID appends to `returnUrl`, in the spec's order. */
export declare const PAYMENT_RESULT_STATUSES: readonly string[];
/** The List and Change payment method path for one product code (not encoded). */
export declare function paymentMethodPath(productCode: string): string;
/** The path template of List invoices. */
export declare const LIST_INVOICES_PATH: string;
/** The path of List invoice details. */
export declare const INVOICE_DETAILS_PATH: string;
/** The List invoices path for one product code (not encoded). */
export declare function listInvoicesPath(product: string): string;
/** One invoice of the spec's example List invoices answer. */
export type ExampleInvoice = Readonly<Record<string, string | number>>;
/** The spec's example List invoices answer. */
export declare const LIST_INVOICES_RESPONSE: Readonly<{
  invoices: ExampleInvoice[];
  reminders: ExampleInvoice[];
}>;
/** The first invoice of that answer: `invoiceNumber` a string, `invoiceAmount` "295.00". */
export declare const INVOICE: Readonly<{
  invoiceNumber: string;
  companyCode: string;
  product: string;
  invoiceAmount: string;
  paidAmount: number;
  amount: number;
  invoiceDate: string;
  dueDate: string;
  paymentDate: string;
  paymentStatus: string;
  [field: string]: string | number;
}>;
/** The first reminder of that answer: `invoiceNumber` an integer, dates in epoch ms. */
export declare const INVOICE_REMINDER: Readonly<{
  invoiceNumber: number;
  reminderNumber: number;
  product: string;
  amount: number;
  dueDate: number;
  reminderDate: number;
  [field: string]: string | number;
}>;
/** The spec's example List invoice details answer. */
export declare const INVOICE_DETAILS_RESPONSE: Readonly<{ invoiceInfoWithDetail: object }>;
/** The spec's example 400 and 401 bodies of List invoices. */
export declare const LIST_INVOICES_ERRORS: Pick<ErrorExamples, "400" | "401">;
