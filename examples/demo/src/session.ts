// The customer's session: a random id in an HttpOnly cookie, and on the server
// a CSRF token that every form of the shop carries. Kept in the shop's state
// (state.ts): this process's memory, or Redis for several processes.
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Table } from "./tables.js";

export interface Session {
  id: string;
  /** Put in every form; a POST without it is refused, so no other site can post for the customer. */
  csrfToken: string;
}

const COOKIE = "demo_session";

export class SessionStore {
  readonly #sessions: Table<Session>;
  readonly #secure: boolean;

  /** `secure`: send the cookie only over HTTPS; every origin but loopback needs it. */
  constructor(options: { sessions: Table<Session>; secure: boolean }) {
    this.#sessions = options.sessions;
    this.#secure = options.secure;
  }

  /** The request's session, if its cookie names one. */
  async find(request: IncomingMessage): Promise<Session | undefined> {
    const id = readCookie(request.headers.cookie, COOKIE);
    return id ? this.#sessions.get(id) : undefined;
  }

  /** The request's session, or a new one whose cookie is set on `response`. */
  async ensure(request: IncomingMessage, response: ServerResponse): Promise<Session> {
    return (await this.find(request)) ?? this.#create(response);
  }

  /**
   * Ends the request's session and starts a new one, with a new id and CSRF
   * token. Called when the customer logs in, so an id planted before the login
   * (session fixation) is worth nothing after it.
   */
  async renew(request: IncomingMessage, response: ServerResponse): Promise<Session> {
    const old = await this.find(request);
    if (old) await this.#sessions.delete(old.id);
    return this.#create(response);
  }

  async #create(response: ServerResponse): Promise<Session> {
    const session = { id: randomToken(), csrfToken: randomToken() };
    await this.#sessions.set(session.id, session);
    const attributes = ["Path=/", "HttpOnly", "SameSite=Lax", ...(this.#secure ? ["Secure"] : [])];
    response.setHeader("set-cookie", `${COOKIE}=${session.id}; ${attributes.join("; ")}`);
    return session;
  }
}

/** True when `sent` is the session's CSRF token; compared in constant time. */
export function csrfTokenMatches(session: Session | undefined, sent: string | null): boolean {
  if (!session || !sent) return false;
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(sent);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
