// The back office's job: of the payments started here and not granted yet,
// find which the provider's record now shows paid, and grant each once. It
// reads the record in client mode, with the shop's own token (client
// credentials), so it needs no customer: the one who paid and closed the tab
// is granted all the same.
import {
  ConnectError,
  createConnectClient,
  readInvoice,
  reconcilePayments,
  type ClientModeReader,
  type StartedPayment,
} from "@connect-payment/client";
import { createClientCredentialsSource } from "@connect-payment/oauth";
import type { Grant, UnconfirmedPayment } from "./record.js";

/**
 * What the back office needs of the shop's payment records (record.ts):
 * answered at once from memory, or later from a store shared by several
 * processes.
 */
export interface BackOfficeRecords {
  unconfirmed(): UnconfirmedPayment[] | Promise<UnconfirmedPayment[]>;
  grantConfirmed(payment: StartedPayment): Grant | undefined | Promise<Grant | undefined>;
  grants(): Grant[] | Promise<Grant[]>;
}

/** The shop's own client at the login server: what the client credentials grant takes. */
export interface BackOfficeCredentials {
  clientId: string;
  clientSecret: string;
}

export interface BackOfficeOptions extends BackOfficeCredentials {
  /** The Connect API (the sandbox's `apiUrl`). */
  apiUrl: string;
  /** The login server that issues the shop's own token (the sandbox's `loginServer`). */
  loginServer: string;
  records: BackOfficeRecords;
  log?: (line: string) => void;
}

/** What one run found, as the page shows it. */
export interface BackOfficeRun {
  /** Paid in the record, and granted by this run. */
  confirmed: Grant[];
  /** Paid in the record, but granted before (by the customer's return or another run). */
  grantedBefore: StartedPayment[];
  /** Not paid in the record (yet): each with what the record says. */
  unpaid: { payment: StartedPayment; state: string }[];
  /** The error code when the run stopped early; the next run goes on from where it stopped. */
  error?: string;
}

export interface BackOffice {
  /** Reads the record of every payment not granted yet, and grants each that is paid. */
  run(): Promise<BackOfficeRun>;
}

export function createBackOffice(options: BackOfficeOptions): BackOffice {
  const log = options.log ?? (() => {});
  const { records } = options;
  // One client for every run: the token source keeps the shop's token until shortly before it expires.
  const reader: ClientModeReader = createConnectClient({
    baseUrl: options.apiUrl,
    accessToken: createClientCredentialsSource({
      loginServer: options.loginServer,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
    }),
  });
  // Where a run that stopped early got to: the next run goes on from there.
  let checkpoint: string | undefined;
  // One run at a time: a second click shares the run under way, and the rate budget with it.
  let running: Promise<BackOfficeRun> | undefined;

  async function reconcile(): Promise<BackOfficeRun> {
    const result: BackOfficeRun = { confirmed: [], grantedBefore: [], unpaid: [] };
    const payments = (await records.unconfirmed()).map(({ payment }) => payment);
    log(`back office: reading the record of ${payments.length} payment(s) in client mode`);
    try {
      for await (const read of reconcilePayments(reader, {
        payments,
        judge: (invoice) => readInvoice(invoice).state,
        checkpoint,
      })) {
        checkpoint = read.checkpoint;
        if (read.state !== "paid") {
          result.unpaid.push({ payment: read.payment, state: read.state });
          continue;
        }
        // Granted at most once per paymentKey, whoever confirms first.
        const grant = await records.grantConfirmed(read.payment);
        if (grant) result.confirmed.push(grant);
        else result.grantedBefore.push(read.payment);
      }
      checkpoint = undefined;
    } catch (error) {
      if (!(error instanceof ConnectError)) throw error;
      // The message is for developers: the log has it, the page has the code.
      log(`back office stopped: ${error.code}: ${error.message}`);
      result.error = error.code;
    }
    log(
      `back office: ${result.confirmed.length} confirmed, ${result.unpaid.length} not paid` +
        (result.error ? `, stopped early (${result.error})` : ""),
    );
    return result;
  }

  return {
    run() {
      running ??= reconcile().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
