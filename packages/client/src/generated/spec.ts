/**
 * This file is generated from openapi/connect-payment.yaml by scripts/generate.mjs.
 * Do not edit it by hand: change the spec and run `pnpm generate`.
 */

/** API servers by environment, from the spec's `servers`. */
export const SERVERS = {
  production: "https://api.mediaconnect.no/capi",
  test: "https://api-test.mediaconnect.no/capi",
} as const;

/** Every `PaymentMethod`, from `components.schemas.PaymentMethod`. */
export const PAYMENT_METHODS = ["creditcardPayex", "swishPayex", "vippsEcommerce", "nexi"] as const;

/** Every `PaymentChangeMethod`, from `components.schemas.PaymentChangeMethod`. */
export const PAYMENT_CHANGE_METHODS = ["recurringPayExCardPayment"] as const;

/** The range of a valid `PaymentChangeId`, from `components.schemas.PaymentChangeId`. */
export const PAYMENT_CHANGE_ID = {
  minimum: 1,
  maximum: 9007199254740991,
} as const;

/** Every `ListedPaymentMethod`, from `components.schemas.ListedPaymentMethod`. */
export const LISTED_PAYMENT_METHODS = ["recurringPayment"] as const;

/** The range of a valid `TransactionId`, from `components.schemas.TransactionId`. */
export const TRANSACTION_ID = {
  minimum: 1,
  maximum: 9007199254740991,
} as const;

/** The range of a valid `InvoiceNumberQuery`, from `components.schemas.InvoiceNumberQuery`. */
export const INVOICE_NUMBER_QUERY = {
  minimum: 0,
  maximum: 9007199254740991,
} as const;

/** The range of a valid `ReminderNumber`, from `components.schemas.ReminderNumber`. */
export const REMINDER_NUMBER = {
  minimum: 0,
  maximum: 9007199254740991,
} as const;

/** The range of a valid `CustomerNumber`, from `components.schemas.CustomerNumber`. */
export const CUSTOMER_NUMBER = {
  minimum: 1,
  maximum: 9007199254740991,
} as const;

/** The rules of each field of a `ApiError` body, which several answers share. */
const API_ERROR_BODY_RULES = {
  exceptionType: {
    required: false,
    type: "string",
  },
  errorMessage: {
    required: false,
    type: "string",
  },
} as const;

/** The rules of each field of a `OAuthError` body, which several answers share. */
const OAUTH_ERROR_BODY_RULES = {
  error: {
    required: false,
    type: "string",
  },
  error_description: {
    required: false,
    type: "string",
  },
} as const;

/** The rules of each field of a `ClientInvoiceListResponse` body, which several answers share. */
const CLIENT_INVOICE_LIST_RESPONSE_BODY_RULES = {
  clientInvoiceInfoList: {
    required: false,
    type: "array",
    items: {
      invoiceId: {
        required: false,
        type: "string",
      },
      invoiceNumber: {
        required: false,
        oneOf: [
          {
            type: "string",
          },
          {
            type: "integer",
          },
        ],
      },
      invoiceDate: {
        required: false,
        oneOf: [
          {
            type: "string",
          },
          {
            type: "integer",
          },
        ],
      },
      invoiceOfferCount: {
        required: false,
        type: "string",
      },
      customerNumber: {
        required: false,
        type: "integer",
        minimum: 1,
        maximum: 9007199254740991,
      },
      product: {
        required: false,
        type: "string",
      },
      productName: {
        required: false,
        type: "string",
      },
      amount: {
        required: false,
        oneOf: [
          {
            type: "string",
          },
          {
            type: "number",
          },
        ],
      },
      companyCode: {
        required: false,
        type: "string",
      },
      paymentStatus: {
        required: false,
        type: "string",
      },
      invoiceAmount: {
        required: false,
        oneOf: [
          {
            type: "string",
          },
          {
            type: "number",
          },
        ],
      },
      paidAmount: {
        required: false,
        oneOf: [
          {
            type: "string",
          },
          {
            type: "number",
          },
        ],
      },
      paymentMethod: {
        required: false,
        type: "string",
      },
      invoiceHotelUrl: {
        required: false,
        type: "string",
      },
      paymentDate: {
        required: false,
        oneOf: [
          {
            type: "string",
          },
          {
            type: "integer",
          },
        ],
      },
      dueDate: {
        required: false,
        oneOf: [
          {
            type: "string",
          },
          {
            type: "integer",
          },
        ],
      },
      desc: {
        required: false,
        type: "array",
        each: {
          type: "string",
        },
      },
      period: {
        required: false,
        type: "integer",
      },
      periodUnit: {
        required: false,
        type: "string",
      },
      fromTime: {
        required: false,
        oneOf: [
          {
            type: "string",
          },
          {
            type: "integer",
          },
        ],
      },
      incltime: {
        required: false,
        oneOf: [
          {
            type: "string",
          },
          {
            type: "integer",
          },
        ],
      },
      invoiceLineInfo: {
        required: false,
        type: "array",
        items: {
          productCode: {
            required: false,
            type: "string",
          },
          invoiceAmount: {
            required: false,
            type: "number",
          },
          invoiceVatAmount: {
            required: false,
            type: "number",
          },
          invoiceVatPercent: {
            required: false,
            type: "number",
          },
        },
      },
    },
  },
} as const;

/** The path of Pay invoice (`payInvoice`); equal to `PAY_INVOICE.path`. */
export const PAY_INVOICE_PATH = "/v1/api/payment/invoice";

/**
 * Pay invoice (`payInvoice`): `POST /v1/api/payment/invoice`. Its descriptor: the rules of its path
 * and query parameters and of its body (absent where it has none), the rules of each
 * response's JSON body by status (`null`: no JSON object body), and its security.
 */
export const PAY_INVOICE = {
  id: "payInvoice",
  summary: "Pay invoice",
  method: "POST",
  path: "/v1/api/payment/invoice",
  bodyRules: {
    invoiceNumber: {
      required: true,
      type: "string",
      maxLength: 10,
    },
    productCode: {
      required: true,
      type: "string",
      maxLength: 12,
    },
    companyCode: {
      required: true,
      type: "string",
      maxLength: 12,
    },
    paymentMethod: {
      required: true,
      type: "string",
      enum: ["creditcardPayex", "swishPayex", "vippsEcommerce", "nexi"],
    },
  },
  responses: {
    "200": {
      success: {
        required: false,
        type: "boolean",
      },
      transactionId: {
        required: false,
        type: "integer",
        minimum: 1,
        maximum: 9007199254740991,
      },
    },
    "400": API_ERROR_BODY_RULES,
    "401": OAUTH_ERROR_BODY_RULES,
    "413": API_ERROR_BODY_RULES,
    "415": API_ERROR_BODY_RULES,
    "429": null,
    "500": null,
  },
  security: [
    {
      connectId: ["read"],
    },
  ],
} as const;

/** The path of List payment methods (`listPaymentMethods`); equal to `LIST_PAYMENT_METHODS.path`. */
export const LIST_PAYMENT_METHODS_PATH = "/v1/product/payment/{productCode}";

/**
 * List payment methods (`listPaymentMethods`): `GET /v1/product/payment/{productCode}`. Its descriptor: the rules of its path
 * and query parameters and of its body (absent where it has none), the rules of each
 * response's JSON body by status (`null`: no JSON object body), and its security.
 */
export const LIST_PAYMENT_METHODS = {
  id: "listPaymentMethods",
  summary: "List payment methods",
  method: "GET",
  path: "/v1/product/payment/{productCode}",
  pathRules: {
    productCode: {
      required: true,
      type: "string",
      maxLength: 12,
      minLength: 1,
    },
  },
  responses: {
    "200": {
      paymentMethodResponseItems: {
        required: false,
        type: "array",
        items: {
          paymentMethod: {
            required: false,
            type: "string",
          },
          isActive: {
            required: false,
            type: "string",
          },
        },
      },
    },
    "400": API_ERROR_BODY_RULES,
    "401": OAUTH_ERROR_BODY_RULES,
    "429": null,
    "500": null,
  },
  security: [
    {
      connectId: ["read"],
    },
  ],
} as const;

/** The path of Change payment method (`changePaymentMethod`); equal to `CHANGE_PAYMENT_METHOD.path`. */
export const CHANGE_PAYMENT_METHOD_PATH = "/v1/product/payment/{productCode}";

/**
 * Change payment method (`changePaymentMethod`): `POST /v1/product/payment/{productCode}`. Its descriptor: the rules of its path
 * and query parameters and of its body (absent where it has none), the rules of each
 * response's JSON body by status (`null`: no JSON object body), and its security.
 */
export const CHANGE_PAYMENT_METHOD = {
  id: "changePaymentMethod",
  summary: "Change payment method",
  method: "POST",
  path: "/v1/product/payment/{productCode}",
  pathRules: {
    productCode: {
      required: true,
      type: "string",
      maxLength: 12,
      minLength: 1,
    },
  },
  bodyRules: {
    paymentMethod: {
      required: true,
      type: "string",
      enum: ["recurringPayExCardPayment"],
    },
  },
  responses: {
    "200": {
      paymentChangeId: {
        required: false,
        type: "integer",
        minimum: 1,
        maximum: 9007199254740991,
      },
    },
    "400": API_ERROR_BODY_RULES,
    "401": OAUTH_ERROR_BODY_RULES,
    "413": API_ERROR_BODY_RULES,
    "415": API_ERROR_BODY_RULES,
    "429": null,
    "500": null,
  },
  security: [
    {
      connectId: ["read"],
    },
  ],
} as const;

/** The path of List invoices and reminders for product (`listInvoices`); equal to `LIST_INVOICES.path`. */
export const LIST_INVOICES_PATH = "/v1/customer/invoice/payment/{product}";

/**
 * List invoices and reminders for product (`listInvoices`): `GET /v1/customer/invoice/payment/{product}`. Its descriptor: the rules of its path
 * and query parameters and of its body (absent where it has none), the rules of each
 * response's JSON body by status (`null`: no JSON object body), and its security.
 */
export const LIST_INVOICES = {
  id: "listInvoices",
  summary: "List invoices and reminders for product",
  method: "GET",
  path: "/v1/customer/invoice/payment/{product}",
  pathRules: {
    product: {
      required: true,
      type: "string",
      maxLength: 12,
      minLength: 1,
    },
  },
  queryRules: {
    unpaid: {
      required: false,
      type: "boolean",
    },
    from: {
      required: false,
      type: "string",
      maxLength: 10,
      format: "date",
    },
    to: {
      required: false,
      type: "string",
      maxLength: 10,
      format: "date",
    },
  },
  responses: {
    "200": {
      invoices: {
        required: false,
        type: "array",
        items: {
          customerNumber: {
            required: false,
            type: "integer",
          },
          product: {
            required: false,
            type: "string",
          },
          invoiceOfferCount: {
            required: false,
            type: "string",
          },
          productName: {
            required: false,
            type: "string",
          },
          amount: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "number",
              },
            ],
          },
          invoiceDate: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "integer",
              },
            ],
          },
          invoiceNumber: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "integer",
              },
            ],
          },
          companyCode: {
            required: false,
            type: "string",
          },
          paymentDate: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "integer",
              },
            ],
          },
          dueDate: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "integer",
              },
            ],
          },
          paymentStatus: {
            required: false,
            type: "string",
          },
          invoiceAmount: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "number",
              },
            ],
          },
          paidAmount: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "number",
              },
            ],
          },
          paymentMethod: {
            required: false,
            type: "string",
          },
          invoiceHotelUrl: {
            required: false,
            type: "string",
          },
          invoiceStatus: {
            required: false,
            type: "string",
          },
        },
      },
      reminders: {
        required: false,
        type: "array",
        items: {
          invoiceNumber: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "integer",
              },
            ],
          },
          product: {
            required: false,
            type: "string",
          },
          fromTime: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "integer",
              },
            ],
          },
          includeTime: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "integer",
              },
            ],
          },
          reminderDate: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "integer",
              },
            ],
          },
          amount: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "number",
              },
            ],
          },
          dueDate: {
            required: false,
            oneOf: [
              {
                type: "string",
              },
              {
                type: "integer",
              },
            ],
          },
          reminderNumber: {
            required: false,
            type: "integer",
            minimum: 0,
            maximum: 9007199254740991,
          },
          reminderType: {
            required: false,
            type: "string",
          },
          invoiceHotelUrl: {
            required: false,
            type: "string",
          },
        },
      },
    },
    "400": API_ERROR_BODY_RULES,
    "401": OAUTH_ERROR_BODY_RULES,
    "429": null,
    "500": null,
  },
  security: [
    {
      connectId: ["read"],
    },
  ],
} as const;

/** The path of List invoice details (`getInvoiceDetails`); equal to `GET_INVOICE_DETAILS.path`. */
export const GET_INVOICE_DETAILS_PATH = "/v1/customer/invoice/details";

/**
 * List invoice details (`getInvoiceDetails`): `GET /v1/customer/invoice/details`. Its descriptor: the rules of its path
 * and query parameters and of its body (absent where it has none), the rules of each
 * response's JSON body by status (`null`: no JSON object body), and its security.
 */
export const GET_INVOICE_DETAILS = {
  id: "getInvoiceDetails",
  summary: "List invoice details",
  method: "GET",
  path: "/v1/customer/invoice/details",
  queryRules: {
    companyCode: {
      required: true,
      type: "string",
      maxLength: 12,
    },
    invoiceNumber: {
      required: true,
      type: "integer",
      minimum: 0,
      maximum: 9007199254740991,
    },
    reminderNumber: {
      required: true,
      type: "integer",
      minimum: 0,
      maximum: 9007199254740991,
    },
  },
  responses: {
    "200": {
      invoiceInfoWithDetail: {
        required: false,
        type: "object",
      },
    },
    "400": API_ERROR_BODY_RULES,
    "401": OAUTH_ERROR_BODY_RULES,
    "429": null,
    "500": null,
  },
  security: [
    {
      connectId: ["read"],
    },
  ],
} as const;

/** The path of List invoices for product - client mode (`listClientInvoicesForProduct`); equal to `LIST_CLIENT_INVOICES_FOR_PRODUCT.path`. */
export const LIST_CLIENT_INVOICES_FOR_PRODUCT_PATH =
  "/v1/client/customer/invoice/payment/{customerNumber}/{productCode}";

/**
 * List invoices for product - client mode (`listClientInvoicesForProduct`): `GET /v1/client/customer/invoice/payment/{customerNumber}/{productCode}`. Its descriptor: the rules of its path
 * and query parameters and of its body (absent where it has none), the rules of each
 * response's JSON body by status (`null`: no JSON object body), and its security.
 */
export const LIST_CLIENT_INVOICES_FOR_PRODUCT = {
  id: "listClientInvoicesForProduct",
  summary: "List invoices for product - client mode",
  method: "GET",
  path: "/v1/client/customer/invoice/payment/{customerNumber}/{productCode}",
  pathRules: {
    customerNumber: {
      required: true,
      type: "integer",
      minimum: 1,
      maximum: 9007199254740991,
    },
    productCode: {
      required: true,
      type: "string",
      maxLength: 12,
      minLength: 1,
    },
  },
  queryRules: {
    from: {
      required: false,
      type: "string",
      maxLength: 10,
      format: "date",
    },
    to: {
      required: false,
      type: "string",
      maxLength: 10,
      format: "date",
    },
  },
  responses: {
    "200": CLIENT_INVOICE_LIST_RESPONSE_BODY_RULES,
    "400": API_ERROR_BODY_RULES,
    "401": OAUTH_ERROR_BODY_RULES,
    "404": null,
    "429": null,
    "500": null,
  },
  security: [
    {
      connectIdClient: ["read"],
    },
  ],
} as const;

/** The path of List invoices - client mode (`listClientInvoices`); equal to `LIST_CLIENT_INVOICES.path`. */
export const LIST_CLIENT_INVOICES_PATH = "/v1/client/customer/invoice/payment/{customerNumber}";

/**
 * List invoices - client mode (`listClientInvoices`): `GET /v1/client/customer/invoice/payment/{customerNumber}`. Its descriptor: the rules of its path
 * and query parameters and of its body (absent where it has none), the rules of each
 * response's JSON body by status (`null`: no JSON object body), and its security.
 */
export const LIST_CLIENT_INVOICES = {
  id: "listClientInvoices",
  summary: "List invoices - client mode",
  method: "GET",
  path: "/v1/client/customer/invoice/payment/{customerNumber}",
  pathRules: {
    customerNumber: {
      required: true,
      type: "integer",
      minimum: 1,
      maximum: 9007199254740991,
    },
  },
  queryRules: {
    from: {
      required: false,
      type: "string",
      maxLength: 10,
      format: "date",
    },
    to: {
      required: false,
      type: "string",
      maxLength: 10,
      format: "date",
    },
  },
  responses: {
    "200": CLIENT_INVOICE_LIST_RESPONSE_BODY_RULES,
    "400": API_ERROR_BODY_RULES,
    "401": OAUTH_ERROR_BODY_RULES,
    "404": null,
    "429": null,
    "500": null,
  },
  security: [
    {
      connectIdClient: ["read"],
    },
  ],
} as const;
