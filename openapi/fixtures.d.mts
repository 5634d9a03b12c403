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
export declare const PAY_INVOICE_REQUEST: Readonly<Record<string, string>>;
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
