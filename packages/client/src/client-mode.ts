// Client mode: a customer's invoices read by the merchant's own server with
// its own token (client credentials), for a back office when the customer is
// not there. The answers are typed apart from user mode's, because they
// differ (`invoiceId`, numeric amounts, epoch-millisecond dates): `readInvoice`
// reads both.
import type { components } from "@connect-payment/types";
import { ConnectError } from "./errors.js";
import { LIST_CLIENT_INVOICES, LIST_CLIENT_INVOICES_FOR_PRODUCT } from "./generated/spec.js";
import { operation, type CallInput, type Descriptor } from "./operation.js";
import type { Settings } from "./options.js";

/** One invoice as client mode answers it; read it with `readInvoice`. Fields not listed pass through. */
export type ClientInvoice = components["schemas"]["ClientInvoice"];

/** Which dates to list, `YYYY-MM-DD`; without both the provider answers only the latest invoice. */
export interface ClientInvoicesQuery {
  /** The first date, `YYYY-MM-DD`. */
  from?: string;
  /** The last date, `YYYY-MM-DD`. */
  to?: string;
}

type ClientInvoiceList = components["schemas"]["ClientInvoiceListResponse"];

// A 401 here is most often a customer's token sent where the merchant's own is needed.
function namingTheToken(error: unknown): unknown {
  if (!(error instanceof ConnectError) || error.code !== "unauthorized") return error;
  // The same details (status, body, the provider's words, rate-limit headers), and the error as cause.
  return new ConnectError(
    "unauthorized",
    `${error.message}. Client-mode calls take the merchant's own token (client credentials), not a customer's`,
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- its own details are what is copied
    { ...error, cause: error },
  );
}

function clientModeCall(settings: Settings, descriptor: Descriptor) {
  const call = operation(settings, descriptor);
  return async (input: CallInput): Promise<ClientInvoice[]> => {
    try {
      const { body } = await call<ClientInvoiceList>({
        ...input,
        // The page says "Array of objects", its sample is an object: both are read.
        answer: (parsed) => (Array.isArray(parsed) ? { clientInvoiceInfoList: parsed } : parsed),
      });
      return body.clientInvoiceInfoList ?? [];
    } catch (error) {
      throw namingTheToken(error);
    }
  };
}

/** `listClientInvoicesForProduct` of a client: a customer's invoices for one product. */
export function createListClientInvoicesForProduct(settings: Settings) {
  const call = clientModeCall(settings, LIST_CLIENT_INVOICES_FOR_PRODUCT);
  return (
    customerNumber: number,
    productCode: string,
    query: ClientInvoicesQuery = {},
    { signal }: { signal?: AbortSignal | undefined } = {},
  ) => call({ path: { customerNumber, productCode }, query: { ...query }, signal });
}

/** `listClientInvoices` of a client: a customer's invoices for every product. */
export function createListClientInvoices(settings: Settings) {
  const call = clientModeCall(settings, LIST_CLIENT_INVOICES);
  return (
    customerNumber: number,
    query: ClientInvoicesQuery = {},
    { signal }: { signal?: AbortSignal | undefined } = {},
  ) => call({ path: { customerNumber }, query: { ...query }, signal });
}
