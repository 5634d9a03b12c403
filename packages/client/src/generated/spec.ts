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

/** Every `PaymentResultStatus`, from `components.schemas.PaymentResultStatus`. */
export const PAYMENT_RESULT_STATUSES = [
  "finished",
  "cancelled",
  "failed",
  "unknown",
  "initiated",
  "error",
] as const;

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

/** The path of Pay invoice (`payInvoice`). */
export const PAY_INVOICE_PATH = "/v1/api/payment/invoice";

/** The HTTP method of Pay invoice. */
export const PAY_INVOICE_METHOD = "POST";

/** The rules of each field of the Pay invoice request body, checked before anything is sent. */
export const PAY_INVOICE_REQUEST_RULES = {
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
} as const;

/** The rules of each field of the body of a 200 Pay invoice response. */
export const PAY_INVOICE_RESPONSE_RULES = {
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
} as const;

/** The path of List payment methods (`listPaymentMethods`). */
export const LIST_PAYMENT_METHODS_PATH = "/v1/product/payment/{productCode}";

/** The HTTP method of List payment methods. */
export const LIST_PAYMENT_METHODS_METHOD = "GET";

/** The rules of each path parameter of List payment methods, checked before anything is sent. */
export const LIST_PAYMENT_METHODS_PATH_RULES = {
  productCode: {
    required: true,
    type: "string",
    maxLength: 12,
    minLength: 1,
  },
} as const;

/** The rules of each field of the body of a 200 List payment methods response. */
export const LIST_PAYMENT_METHODS_RESPONSE_RULES = {
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
} as const;

/** The path of Change payment method (`changePaymentMethod`). */
export const CHANGE_PAYMENT_METHOD_PATH = "/v1/product/payment/{productCode}";

/** The HTTP method of Change payment method. */
export const CHANGE_PAYMENT_METHOD_METHOD = "POST";

/** The rules of each path parameter of Change payment method, checked before anything is sent. */
export const CHANGE_PAYMENT_METHOD_PATH_RULES = {
  productCode: {
    required: true,
    type: "string",
    maxLength: 12,
    minLength: 1,
  },
} as const;

/** The rules of each field of the Change payment method request body, checked before anything is sent. */
export const CHANGE_PAYMENT_METHOD_REQUEST_RULES = {
  paymentMethod: {
    required: true,
    type: "string",
    enum: ["recurringPayExCardPayment"],
  },
} as const;

/** The rules of each field of the body of a 200 Change payment method response. */
export const CHANGE_PAYMENT_METHOD_RESPONSE_RULES = {
  paymentChangeId: {
    required: false,
    type: "integer",
    minimum: 1,
    maximum: 9007199254740991,
  },
} as const;

/** The path of List invoices and reminders for product (`listInvoices`). */
export const LIST_INVOICES_PATH = "/v1/customer/invoice/payment/{product}";

/** The HTTP method of List invoices and reminders for product. */
export const LIST_INVOICES_METHOD = "GET";

/** The rules of each path parameter of List invoices and reminders for product, checked before anything is sent. */
export const LIST_INVOICES_PATH_RULES = {
  product: {
    required: true,
    type: "string",
    maxLength: 12,
    minLength: 1,
  },
} as const;

/** The rules of each query parameter of List invoices and reminders for product, checked before anything is sent. */
export const LIST_INVOICES_QUERY_RULES = {
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
} as const;

/** The rules of each field of the body of a 200 List invoices and reminders for product response. */
export const LIST_INVOICES_RESPONSE_RULES = {
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
} as const;

/** The path of List invoice details (`getInvoiceDetails`). */
export const GET_INVOICE_DETAILS_PATH = "/v1/customer/invoice/details";

/** The HTTP method of List invoice details. */
export const GET_INVOICE_DETAILS_METHOD = "GET";

/** The rules of each query parameter of List invoice details, checked before anything is sent. */
export const GET_INVOICE_DETAILS_QUERY_RULES = {
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
} as const;

/** The rules of each field of the body of a 200 List invoice details response. */
export const GET_INVOICE_DETAILS_RESPONSE_RULES = {
  invoiceInfoWithDetail: {
    required: false,
    type: "object",
  },
} as const;
