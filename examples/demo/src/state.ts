// What the shop keeps between requests, behind one small interface: the
// sessions, the logins started and not finished, each session's tokens, the
// invoices the account page listed, the payments started and the grants. Two
// implementations: this process's memory (memory-state.ts, one process) and
// Redis (redis-state.ts, any number of processes behind one load balancer).
// A real shop puts its own database here.
import type { PendingLogin, TokenStore } from "@connect-payment/oauth";
import type { OwedInvoice } from "./owed.js";
import type { Grant, PaymentStarted } from "./record.js";
import type { Session } from "./session.js";
import type { Ledger, Table } from "./tables.js";

/** A session's tokens: what its token sources read and refresh, and logging out. */
export interface SessionTokens extends TokenStore {
  /** Forgets the tokens: the customer is logged out. */
  remove(): Promise<void>;
}

export interface DemoState {
  /** Session id → the session (its CSRF token). */
  sessions: Table<Session>;
  /** Session id → the login it started and has not finished (state and PKCE verifier). */
  pendingLogins: Table<PendingLogin>;
  /** Session id → the unpaid invoices the account page listed: /pay pays one of these. */
  owed: Table<OwedInvoice[]>;
  /** transactionId → the invoice it pays (the return carries only the id), oldest first. */
  payments: Ledger<PaymentStarted>;
  /** paymentKey → what was granted for it: at most once, whichever process confirms first. */
  grants: Ledger<Grant>;
  /**
   * The session's tokens, with a refresh lease: every token source on them,
   * in every process, sends one refresh per expiry.
   */
  tokens(sessionId: string): SessionTokens;
  /** Lets go of the store's connections. */
  close(): Promise<void>;
}
