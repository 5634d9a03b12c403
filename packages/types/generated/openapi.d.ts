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
  "/v1/product/payment/{productCode}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List payment methods
     * @description The user needs to be logged in to use this endpoint.
     *
     *     Payment API for get existing pay method, see possible pay method and
     *     changing pay method.
     *
     *     The reference shows the response only as a sample with one item
     *     (`paymentMethod: "recurringPayment"`, `isActive: "Y"`); the items'
     *     types and which fields are always present are not documented.
     */
    get: operations["listPaymentMethods"];
    put?: never;
    /**
     * Change payment method
     * @description The user needs to be logged in to use this endpoint.
     *
     *     Use the id from the response to complete the change by redirecting
     *     the customer to
     *     `/paymentChange?clientId=…&returnUrl=…&errorUrl=…&paymentChangeId=12378954`
     *     (see `x-payment-change-page`). The system will redirect the customer
     *     to the proper third-party system for the change, and upon success
     *     will then redirect to the given `returnUrl`. If an error occurs, the
     *     given `errorUrl` will be used instead. The result of the operation is
     *     appended to the return URL (see `PaymentResultStatus`).
     *
     *     For the PayEx payment provider, if the change is for recurring
     *     payment (`recurringPayExCardPayment`) and the user already has a
     *     valid ticket for the product, the new ticket has to be authorized by
     *     verification and the old one removed, to keep one ticket per product:
     *     add `&ticket=1234567890` (the recurrence token) to the redirect.
     *
     *     The reference shows 200 only; the 400, 401, 429 and 500 responses are
     *     those of the section's other operations.
     */
    post: operations["changePaymentMethod"];
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
     *
     *     The reference's list is cut off after `nexi`, and the provider adds
     *     payment methods as a backwards-compatible change; the client has a
     *     documented way to send a method not listed here.
     * @example creditcardPayex
     * @enum {string}
     */
    PaymentMethod: "creditcardPayex" | "swishPayex" | "vippsEcommerce" | "nexi";
    /**
     * @description The payment method to change a product's subscription to. The
     *     reference shows one value (`recurringPayExCardPayment`, a recurring
     *     PayEx card payment) and not the full set; this enum holds what is
     *     shown. The provider adds payment methods as a backwards-compatible
     *     change, so the client has a documented way to send a method not
     *     listed here.
     * @example recurringPayExCardPayment
     * @enum {string}
     */
    PaymentChangeMethod: "recurringPayExCardPayment";
    /**
     * @description The payment method to change to.
     * @example {
     *       "paymentMethod": "recurringPayExCardPayment"
     *     }
     */
    ChangePaymentMethodRequest: {
      paymentMethod: components["schemas"]["PaymentChangeMethod"];
    };
    /**
     * @description The id that completes the change in the browser. The reference shows
     *     only the sample `{ "paymentChangeId": 12378954 }`, so nothing is
     *     marked required.
     * @example {
     *       "paymentChangeId": 12378954
     *     }
     */
    ChangePaymentMethodResponse: {
      paymentChangeId?: components["schemas"]["PaymentChangeId"];
    };
    /**
     * Format: int64
     * @description The paymentChangeId, used in the `/paymentChange` redirect. The
     *     reference shows an integer (12378954); the bounds are the SDK's rule,
     *     as for `TransactionId`: a positive id JavaScript represents exactly.
     * @example 12378954
     */
    PaymentChangeId: number;
    /**
     * @description The payment methods List payment methods is known to answer with.
     *     The reference shows one (`recurringPayment`) in its sample and no
     *     list. A response is never rejected for a method not listed here: the
     *     provider adds methods as a backwards-compatible change, so a response's
     *     `paymentMethod` is any string (see `PaymentMethodItem`).
     * @example recurringPayment
     * @enum {string}
     */
    ListedPaymentMethod: "recurringPayment";
    /**
     * @description One of the product's payment methods. The reference shows the fields
     *     only in a sample, so nothing is marked required.
     * @example {
     *       "paymentMethod": "recurringPayment",
     *       "isActive": "Y"
     *     }
     */
    PaymentMethodItem: {
      /**
       * @description The payment method: a `ListedPaymentMethod`, or a method added
       *     since (passed through, never rejected).
       * @example recurringPayment
       */
      paymentMethod?: string;
      /**
       * @description Whether the method is active. The reference's only sample shows
       *     `"Y"` (a string flag, not a boolean); other values are not
       *     documented.
       * @example Y
       */
      isActive?: string;
    };
    /**
     * @description The product's payment methods.
     * @example {
     *       "paymentMethodResponseItems": [
     *         {
     *           "paymentMethod": "recurringPayment",
     *           "isActive": "Y"
     *         }
     *       ]
     *     }
     */
    ListPaymentMethodsResponse: {
      /** @description Array of objects, as the reference says. */
      paymentMethodResponseItems?: components["schemas"]["PaymentMethodItem"][];
    };
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
      transactionId?: components["schemas"]["TransactionId"];
    };
    /**
     * Format: int64
     * @description The transactionId, used in the payment redirect. The reference says
     *     only "integer"; the bounds are the SDK's rule, shared by the spec, the
     *     client and the sandbox: a positive id that JavaScript represents
     *     exactly (at most 2^53 - 1). An id beyond it cannot be sent back
     *     unchanged, so the client treats it as a response it cannot trust.
     * @example 12378954
     */
    TransactionId: number;
    /**
     * @description The body of a 400 as public integrations of this API read it. Not on
     *     the provider's reference page: evidence, not a contract, so nothing
     *     is required.
     * @example {
     *       "exceptionType": "ValidationException",
     *       "errorMessage": "Invoice not found"
     *     }
     */
    ApiError: {
      /** @description The kind of error, e.g. a Java exception's name. */
      exceptionType?: string;
      /** @description What went wrong, in words. */
      errorMessage?: string;
    };
    /**
     * @description An OAuth 2.0 error body (RFC 6749 section 5.2, RFC 6750 section 3.1)
     *     as public integrations of this API read it, e.g. 401 with
     *     `error: "invalid_token"`. Not on the provider's reference page, so
     *     nothing is required.
     * @example {
     *       "error": "invalid_token",
     *       "error_description": "The access token expired"
     *     }
     */
    OAuthError: {
      /** @description The error code, e.g. `invalid_token`. */
      error?: string;
      /** @description What went wrong, in words. */
      error_description?: string;
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
  headers: {
    /**
     * @description In the provider's words, "the number of request remaining before
     *     encountering a 429 too many request error". The provider's limits
     *     for a client: "100 API calls for a second", "2000 API calls for a
     *     minute".
     */
    "X-RateLimit-Remaining": number;
    /**
     * @description In the provider's words, "the remaining epoch seconds before the rate
     *     limit resets. Renew every 60 seconds." Whether this is a count of
     *     seconds or an epoch time (seconds since 1970) is not stated. The
     *     window renews every 60 seconds, so a count is at most 60; a value far
     *     above 60 can only be an epoch time.
     */
    "X-RateLimit-Reset": number;
    /** @description The project version this response is based upon. */
    "X-Mediaconnect-Api-Version": string;
    /**
     * @description Not documented by the provider. Standard HTTP (RFC 9110): seconds to
     *     wait, or an HTTP date. The SDK honours it when present and otherwise
     *     waits for `X-RateLimit-Reset`.
     */
    "Retry-After": string;
  };
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
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          "X-Mediaconnect-Api-Version": components["headers"]["X-Mediaconnect-Api-Version"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PayInvoiceResponse"];
        };
      };
      /**
       * @description Bad Request. The reference documents no body; public integrations
       *     read `{ exceptionType, errorMessage }` (see `ApiError`).
       */
      400: {
        headers: {
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiError"];
        };
      };
      /**
       * @description The access token is missing, expired or invalid. Not on the
       *     reference page: the provider's OAuth 2.0 protects the call, and
       *     public integrations read an RFC 6750 / RFC 6749 error body with
       *     `error: "invalid_token"` (see `OAuthError`).
       */
      401: {
        headers: {
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OAuthError"];
        };
      };
      /**
       * @description The body is too large. Not documented by the provider; real bodies
       *     are a few hundred bytes, and this SDK's sandbox refuses any beyond
       *     64 KiB with this answer (and closes the connection).
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiError"];
        };
      };
      /**
       * @description The body is not `application/json`. Not documented by the
       *     provider, whose operations take JSON only; this SDK's sandbox
       *     answers a body of any other type with this.
       */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiError"];
        };
      };
      /**
       * @description Too many requests. The reference documents no body. The provider's
       *     limits are 100 calls a second and 2,000 calls a minute per client.
       */
      429: {
        headers: {
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
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
  listPaymentMethods: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description product code. The reference names this parameter `product`
         *     (`/v1/product/payment/{product}`); the name never goes over the
         *     wire, and OpenAPI needs one name for one path.
         */
        productCode: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          "X-Mediaconnect-Api-Version": components["headers"]["X-Mediaconnect-Api-Version"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ListPaymentMethodsResponse"];
        };
      };
      /**
       * @description Bad Request. The reference documents no body; public integrations
       *     read `{ exceptionType, errorMessage }` (see `ApiError`).
       */
      400: {
        headers: {
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiError"];
        };
      };
      /**
       * @description The access token is missing, expired or invalid. Not on the
       *     reference page: the provider's OAuth 2.0 protects the call, and
       *     public integrations read an RFC 6750 / RFC 6749 error body with
       *     `error: "invalid_token"` (see `OAuthError`).
       */
      401: {
        headers: {
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OAuthError"];
        };
      };
      /**
       * @description Too many requests. The reference documents no body. The provider's
       *     limits are 100 calls a second and 2,000 calls a minute per client.
       */
      429: {
        headers: {
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
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
  changePaymentMethod: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The product code. One rendering of the reference labels this
         *     parameter `orderType`; the path template and the other rendering
         *     call it `productCode`.
         */
        productCode: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ChangePaymentMethodRequest"];
      };
    };
    responses: {
      /** @description Success */
      200: {
        headers: {
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          "X-Mediaconnect-Api-Version": components["headers"]["X-Mediaconnect-Api-Version"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ChangePaymentMethodResponse"];
        };
      };
      /**
       * @description Bad Request. The reference documents no body; public integrations
       *     read `{ exceptionType, errorMessage }` (see `ApiError`).
       */
      400: {
        headers: {
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiError"];
        };
      };
      /**
       * @description The access token is missing, expired or invalid. Not on the
       *     reference page: the provider's OAuth 2.0 protects the call, and
       *     public integrations read an RFC 6750 / RFC 6749 error body with
       *     `error: "invalid_token"` (see `OAuthError`).
       */
      401: {
        headers: {
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OAuthError"];
        };
      };
      /**
       * @description The body is too large. Not documented by the provider; real bodies
       *     are a few hundred bytes, and this SDK's sandbox refuses any beyond
       *     64 KiB with this answer (and closes the connection).
       */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiError"];
        };
      };
      /**
       * @description The body is not `application/json`. Not documented by the
       *     provider, whose operations take JSON only; this SDK's sandbox
       *     answers a body of any other type with this.
       */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ApiError"];
        };
      };
      /**
       * @description Too many requests. The reference documents no body. The provider's
       *     limits are 100 calls a second and 2,000 calls a minute per client.
       */
      429: {
        headers: {
          "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
          "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
          "Retry-After": components["headers"]["Retry-After"];
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
