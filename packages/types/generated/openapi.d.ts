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
  "/v1/customer/invoice/payment/{product}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List invoices and reminders for product
     * @description The user needs to be logged in to use this endpoint.
     *
     *     Lists the logged-in customer's invoices and reminders for a product:
     *     where Pay invoice's `invoiceNumber` and `companyCode` come from, and
     *     the provider's own record of what was invoiced and paid
     *     (`invoiceAmount`, `paidAmount`, `paymentStatus`).
     *
     *     From another page of the provider's reference (user mode). The page
     *     shows a sample answer and no schema, so no field is required and an
     *     answer may carry fields not listed here (they pass through). Its
     *     examples disagree with each other and with the client-mode page on
     *     types; each such field is marked `x-drift`, and each field whose
     *     meaning is not given is marked `x-gap`. The client-mode page says that
     *     without `from` and `to` only the latest invoice is returned; this page
     *     does not say, so a caller that needs a whole record gives both dates.
     *     The page shows 200 only; the 400, 401, 429 and 500 responses are those
     *     of the other operations.
     */
    get: operations["listInvoices"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v1/customer/invoice/details": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List invoice details
     * @description The user needs to be logged in to use this endpoint.
     *
     *     Retrieves information regarding one invoice based on company code,
     *     invoice number and reminder number. Information about offers and
     *     details in the offer and lines are presented.
     *
     *     From another page of the provider's reference. Its sample shows
     *     `invoiceInfoWithDetail` folded, with none of its fields: the answer is
     *     an open object, marked `x-gap`, and its fields pass through unchecked.
     *     The page lists 200, 400, 429 and 500; the 401 is that of the other
     *     operations.
     */
    get: operations["getInvoiceDetails"];
    put?: never;
    post?: never;
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
    /**
     * @description The customer's invoices and reminders for the product. The reference
     *     shows a sample only, so nothing is required; fields not listed here
     *     pass through.
     * @example {
     *       "invoices": [
     *         {
     *           "invoiceNumber": "7435367",
     *           "companyCode": "5646903690",
     *           "invoiceAmount": "295.00",
     *           "paidAmount": 0
     *         }
     *       ],
     *       "reminders": [
     *         {
     *           "invoiceNumber": 7435367,
     *           "reminderNumber": 1,
     *           "dueDate": 1561716000000
     *         }
     *       ]
     *     }
     */
    ListInvoicesResponse: {
      /** @description The invoices. */
      invoices?: components["schemas"]["Invoice"][];
      /** @description The reminders sent for invoices (one invoice may have several). */
      reminders?: components["schemas"]["InvoiceReminder"][];
    } & {
      [key: string]: unknown;
    };
    /**
     * @description One invoice as the reference's sample shows it. Every field is
     *     optional (a sample, not a schema) and fields not listed pass through.
     *     The reference does not say when an invoice counts as paid; reading
     *     `paidAmount` against `invoiceAmount` is the SDK's inference.
     * @example {
     *       "invoiceNumber": "7435367",
     *       "companyCode": "5646903690",
     *       "product": "CO27409",
     *       "invoiceAmount": "295.00",
     *       "paidAmount": 0,
     *       "paymentStatus": "0",
     *       "dueDate": "2022-01-21"
     *     }
     */
    Invoice: {
      /**
       * Format: int64
       * @description The customer's number at the provider.
       * @example 563457
       */
      customerNumber?: number;
      /**
       * @description The product code (Pay invoice's `productCode`).
       * @example CO27409
       */
      product?: string;
      /**
       * @description A count, shown as a string ("1"); its meaning is not given.
       * @example 1
       */
      invoiceOfferCount?: string;
      /**
       * @description The product's name.
       * @example Weekly Magazine
       */
      productName?: string;
      /**
       * @description An amount beside `invoiceAmount` (49 where `invoiceAmount` is
       *     "295.00"). The reference does not say what it is; the SDK never
       *     reads it as what is owed or paid.
       */
      amount?: components["schemas"]["InvoiceAmount"];
      /** @description When the invoice was issued. */
      invoiceDate?: components["schemas"]["InvoiceDate"];
      /** @description The invoice's number (Pay invoice's `invoiceNumber`); a string in this sample. */
      invoiceNumber?: components["schemas"]["InvoiceNumber"];
      /**
       * @description The company the invoice belongs to (Pay invoice's `companyCode`).
       * @example 5646903690
       */
      companyCode?: string;
      /** @description A payment date; whether of a payment made or one expected is not given. */
      paymentDate?: components["schemas"]["InvoiceDate"];
      /** @description When the invoice falls due. */
      dueDate?: components["schemas"]["InvoiceDate"];
      /**
       * @description A payment status code ("0" in every example). The provider does not
       *     document its codes, so the SDK does not interpret them.
       * @example 0
       */
      paymentStatus?: string;
      /** @description What was invoiced; "295.00" (a string) in this sample. */
      invoiceAmount?: components["schemas"]["InvoiceAmount"];
      /**
       * @description What has been paid; a number (0) in every sample, typed like
       *     `invoiceAmount` because the pages show amounts both ways.
       */
      paidAmount?: components["schemas"]["InvoiceAmount"];
      /**
       * @description A payment method code ("A" in every sample); not the Pay invoice
       *     `PaymentMethod` names, and its codes are not documented.
       * @example A
       */
      paymentMethod?: string;
      /**
       * @description A page where the invoice can be viewed.
       * @example http://mediaconnect.no/invoice/view/gkcb93qgt94ca6943bloitxgq4de
       */
      invoiceHotelUrl?: string;
      /**
       * @description The invoice's status ("Invoiced"); other values are not documented.
       * @example Invoiced
       */
      invoiceStatus?: string;
    } & {
      [key: string]: unknown;
    };
    /**
     * @description One reminder as the reference's sample shows it. Every field is
     *     optional and fields not listed pass through. Pay invoice takes no
     *     reminder number: a reminder is paid by paying its invoice.
     * @example {
     *       "invoiceNumber": 7435367,
     *       "reminderNumber": 1,
     *       "reminderDate": 1560333600000,
     *       "dueDate": 1561716000000
     *     }
     */
    InvoiceReminder: {
      /** @description The invoice reminded of; an integer in this sample. */
      invoiceNumber?: components["schemas"]["InvoiceNumber"];
      /**
       * @description The product code.
       * @example CO27409
       */
      product?: string;
      /** @description The start of the period reminded of (meaning not stated). */
      fromTime?: components["schemas"]["InvoiceDate"];
      /** @description The end of the period reminded of (meaning not stated). */
      includeTime?: components["schemas"]["InvoiceDate"];
      /** @description When the reminder was sent; epoch milliseconds in this sample. */
      reminderDate?: components["schemas"]["InvoiceDate"];
      /** @description An amount; whether the reminder's fee or the sum owed is not given. */
      amount?: components["schemas"]["InvoiceAmount"];
      /** @description When the reminder falls due; epoch milliseconds in this sample. */
      dueDate?: components["schemas"]["InvoiceDate"];
      /** @description The reminder's number (List invoice details' `reminderNumber`). */
      reminderNumber?: components["schemas"]["ReminderNumber"];
      /**
       * @description The kind of reminder ("reminder"); other values are not documented.
       * @example reminder
       */
      reminderType?: string;
      /**
       * @description A page where the invoice can be viewed.
       * @example http://mediaconnect.no/invoice/view/gkcb93qgt94ca6943bloitxgq4de
       */
      invoiceHotelUrl?: string;
    } & {
      [key: string]: unknown;
    };
    /**
     * @description An amount of money. The reference's examples disagree: "295.00" (a
     *     decimal string) on the user-mode page, 295 (a number) on the
     *     client-mode page. Both are accepted; the SDK reads either as an exact
     *     count of minor units, assuming two decimals (the pages name no
     *     currency and no scale).
     * @example 295.00
     * @example 295
     */
    InvoiceAmount: string | number;
    /**
     * @description A date. The reference's examples disagree: `YYYY-MM-DD` strings
     *     ("2022-01-21") and epoch milliseconds (1561716000000), even within
     *     one answer. Both are accepted; the SDK reads epoch milliseconds as a
     *     date in the provider's time zone (Europe/Oslo), a configurable
     *     assumption.
     * @example 2022-01-21
     * @example 1561716000000
     */
    InvoiceDate: string | number;
    /**
     * @description An invoice number as List invoices answers it: a string in the
     *     sample's `invoices` ("7435367"), an integer in its `reminders`
     *     (7435367). Pay invoice takes it as a string, List invoice details as
     *     an integer. Both are accepted.
     * @example 7435367
     * @example 7435367
     */
    InvoiceNumber: string | number;
    /**
     * Format: int64
     * @description The invoice number List invoice details takes, an integer. The
     *     reference says only "integer"; the bounds are the SDK's rule, as for
     *     `TransactionId`: a whole number JavaScript represents exactly.
     * @example 7435367
     */
    InvoiceNumberQuery: number;
    /**
     * Format: int64
     * @description A reminder's number; 0 for the invoice itself. The reference says
     *     only "integer"; the bounds are the SDK's rule.
     * @example 0
     */
    ReminderNumber: number;
    /**
     * @description One invoice's details. Nothing is required; fields not listed pass through.
     * @example {
     *       "invoiceInfoWithDetail": {}
     *     }
     */
    InvoiceDetailsResponse: {
      /**
       * @description The invoice, its offers and their lines. The reference's sample
       *     shows this object folded, with none of its fields; they pass
       *     through unchecked.
       */
      invoiceInfoWithDetail?: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
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
         *     wire, and OpenAPI needs one name for one path. At least one
         *     character, as for Change payment method: an empty segment
         *     would ask for another path.
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
  listInvoices: {
    parameters: {
      query?: {
        /**
         * @description Only unpaid invoices. The page's request shows a bare `?unpaid`
         *     and says only "boolean", not whether the provider reads the value
         *     or the mere presence of the parameter: send `unpaid=true`, and
         *     leave it out (never `unpaid=false`) to list every invoice.
         */
        unpaid?: boolean;
        /**
         * @description The first date to list, `YYYY-MM-DD` (the client-mode page's
         *     words: "Specify the date in format: YYYY-MM-DD").
         */
        from?: string;
        /** @description The last date to list, `YYYY-MM-DD`. */
        to?: string;
      };
      header?: never;
      path: {
        /**
         * @description The product code, as in Pay invoice's `productCode`. At least one
         *     character, as for the Payment section's paths: an empty segment
         *     would ask for another path.
         */
        product: string;
      };
      cookie?: never;
    };
    requestBody?: never;
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
          "application/json": components["schemas"]["ListInvoicesResponse"];
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
  getInvoiceDetails: {
    parameters: {
      query: {
        /** @description Company invoice belongs to. */
        companyCode: string;
        /**
         * @description Invoice number. An integer here, while Pay invoice takes it as a
         *     string and List invoices answers it either way.
         */
        invoiceNumber: components["schemas"]["InvoiceNumberQuery"];
        /** @description Reminder number. 0 for invoice. */
        reminderNumber: components["schemas"]["ReminderNumber"];
      };
      header?: never;
      path?: never;
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
          "application/json": components["schemas"]["InvoiceDetailsResponse"];
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
}
