// The customer's session: a random id in an HttpOnly cookie, and on the server
// a CSRF token that every form of the shop carries. Kept in memory: a real
// shop keeps sessions in its own store.
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface Session {
  id: string;
  /** Put in every form; a POST without it is refused, so no other site can post for the customer. */
  csrfToken: string;
}

const COOKIE = "demo_session";

export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #secure: boolean;

  /** `secure`: send the cookie only over HTTPS; every origin but loopback needs it. */
  constructor(options: { secure: boolean }) {
    this.#secure = options.secure;
  }

  /** The request's session, if its cookie names one. */
  find(request: IncomingMessage): Session | undefined {
    const id = readCookie(request.headers.cookie, COOKIE);
    return id ? this.#sessions.get(id) : undefined;
  }

  /** The request's session, or a new one whose cookie is set on `response`. */
  ensure(request: IncomingMessage, response: ServerResponse): Session {
    return this.find(request) ?? this.#create(response);
  }

  /**
   * Ends the request's session and starts a new one, with a new id and CSRF
   * token. Called when the customer logs in, so an id planted before the login
   * (session fixation) is worth nothing after it.
   */
  renew(request: IncomingMessage, response: ServerResponse): Session {
    const old = this.find(request);
    if (old) this.#sessions.delete(old.id);
    return this.#create(response);
  }

  #create(response: ServerResponse): Session {
    const session = { id: randomToken(), csrfToken: randomToken() };
    this.#sessions.set(session.id, session);
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
