/**
 * This file is generated from openapi/connect-payment.yaml by scripts/generate.mjs.
 * Do not edit it by hand: change the spec and run `pnpm generate`.
 */
export interface paths {
  "/v1/api/payment/invoice": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pay invoice
     * @description The user needs to be logged in to use this endpoint.
     *
     *     Use the id from the response to complete the payment by redirecting
     *     the customer to
     *     `loginServer/payment/invoice/pay?clientId=…&returnUrl=…&errorUrl=…&transactionId=12378954`.
     *     The system will redirect the customer to the proper third-party system
     *     for the payment, and upon success will then redirect to the given
     *     `returnUrl`. If a system error occurs, the given `errorUrl` will be used
     *     instead. The result of the operation is appended to the return URL
     *     (see `PaymentResultStatus`).
     */
    post: operations["payInvoice"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description The invoice to pay and how.
     * @example {
     *       "invoiceNumber": "7435367",
     *       "productCode": "CO27409",
     *       "companyCode": "68979834",
     *       "paymentMethod": "creditcardPayex"
     *     }
     */
    PayInvoiceRequest: {
      /**
       * @description Specific invoice for payment.
       * @example 7435367
       */
      invoiceNumber: string;
      /**
       * @description Specific product for payment.
       * @example CO27409
       */
      productCode: string;
      /**
       * @description Specific company for payment.
       * @example 68979834
       */
      companyCode: string;
      paymentMethod: components["schemas"]["PaymentMethod"];
    };
    /**
     * @description Specific payment method type for payment:
     *     - `creditcardPayex`: Payment card
     *     - `swishPayex`: Swish payex payment
     *     - `vippsEcommerce`: Vipps eCommerce payment
     *     - `nexi`: Nexi payment
     * @example creditcardPayex
     * @enum {string}
     */
    PaymentMethod: "creditcardPayex" | "swishPayex" | "vippsEcommerce" | "nexi";
    /**
     * @description Whether the payment was added, and its transaction id.
     * @example {
     *       "success": true,
     *       "transactionId": 12378954
     *     }
     */
    PayInvoiceResponse: {
      /**
       * @description It informs if the payment was added.
       *     `true`: the payment was added. `false`: the payment was not added.
       */
      success?: boolean;
      /** @description The transactionId, used in the payment redirect. */
      transactionId?: number;
    };
    /**
     * @description The result of the payment that ConnectID appends to `returnUrl` when it
     *     sends the customer back. The name of the query parameter is not
     *     documented by the provider.
     *     - `finished`: the payment was registered correctly
     *     - `cancelled`: the user cancelled the payment
     *     - `failed`: it was not possible to create a payment
     *     - `unknown`: unknown status of the operation
     *     - `initiated`: creation of the payment was initiated
     *     - `error`: never shall happen; the customer goes to `errorUrl` instead
     * @example finished
     * @enum {string}
     */
    PaymentResultStatus: "finished" | "cancelled" | "failed" | "unknown" | "initiated" | "error";
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  payInvoice: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PayInvoiceRequest"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PayInvoiceResponse"];
        };
      };
      /** @description Bad Request. The reference documents no body. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Too many requests. The reference documents no body. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Server Error. The reference documents no body. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
