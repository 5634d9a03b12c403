import type { ValidateFunction } from "ajv/dist/2020.js";

/** The spec file's absolute path. */
export declare const SPEC_PATH: string;
/** The spec as plain data; its shape is checked by the spec linter, not here. */
export declare const spec: any;
/** The path, method and operation object of an operation, by its `operationId`. */
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
