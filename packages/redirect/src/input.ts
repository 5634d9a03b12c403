/** What a return can be read from: a URL, a URL or path string, its query, or a fetch `Request`. */
export type PaymentReturnInput = URL | string | URLSearchParams | Request;
