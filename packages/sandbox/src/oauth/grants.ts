// What the login server has handed out: pending sign-ins, codes, tokens.
import { createHash, randomBytes } from "node:crypto";

/** An authorization request waiting for the customer's choice on the sign-in page. */
export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | undefined;
  codeChallenge: string | undefined;
  expiresAt: number;
}

/**
 * One login: the tokens of a code's exchange and of every refresh after it.
 * Revoking it ends every token of the login at once.
 */
interface Family {
  revoked: boolean;
}

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  scope: string;
  customerId: string;
  codeChallenge: string | undefined;
  expiresAt: number;
  /** Set by the first exchange; a second use revokes it (RFC 6749 section 4.1.2). */
  family: Family | undefined;
}

interface TokenGrant {
  clientId: string;
  /** `undefined` for a client token (client credentials): it names no customer. */
  customerId: string | undefined;
  scope: string;
  expiresAt: number;
  family: Family;
}

/** Why a code or refresh token gives no tokens; `invalid_scope` or `invalid_grant` (RFC 6749 5.2). */
export interface GrantRefused {
  error: string;
  code: "invalid_grant" | "invalid_scope";
}

const refused = (error: string, code: GrantRefused["code"] = "invalid_grant"): GrantRefused => ({
  error,
  code,
});

/** The client credentials grant's answer: no refresh token (RFC 6749 section 4.4.3). */
export interface IssuedClientToken {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
}

/** Whom a live access token speaks for: a customer (a login) or the client itself. */
export type TokenHolder = ({ customer: string } | { client: string }) & { issuedTo: string };

export interface IssuedTokens {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
}

const secret = () => randomBytes(24).toString("base64url");

export class GrantStore {
  private readonly signIns = new Map<string, PendingAuthorization>();
  private readonly codes = new Map<string, CodeGrant>();
  private readonly accessTokens = new Map<string, TokenGrant>();
  private readonly refreshTokens = new Map<string, TokenGrant>();
  /** Refresh tokens rotated out, kept until they would have expired, to detect their reuse. */
  private readonly retired = new Map<string, TokenGrant>();

  constructor(
    private readonly ttl: { accessMs: number; refreshMs: number; codeMs: number },
    private readonly now: () => number = Date.now,
    /** Take a rotated-out refresh token shown again as theft, and revoke its login. */
    private readonly detectReuse = true,
  ) {}

  addSignIn(request: Omit<PendingAuthorization, "expiresAt">): string {
    const id = secret();
    // The sign-in page may sit open for a while; ten minutes is plenty for a test.
    this.signIns.set(id, { ...request, expiresAt: this.now() + 10 * 60_000 });
    return id;
  }

  /** The pending sign-in, removed: each page can be answered once. */
  takeSignIn(id: string): PendingAuthorization | undefined {
    const found = this.signIns.get(id);
    this.signIns.delete(id);
    return found && found.expiresAt > this.now() ? found : undefined;
  }

  addCode(request: PendingAuthorization, customerId: string): string {
    const code = secret();
    this.codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      scope: request.scope,
      customerId,
      codeChallenge: request.codeChallenge,
      expiresAt: this.now() + this.ttl.codeMs,
      family: undefined,
    });
    return code;
  }

  /**
   * Redeems a code: the reason it cannot be redeemed, or the tokens. A second
   * use revokes the whole login of the first: its tokens and every refresh since.
   */
  redeemCode(
    code: string,
    check: { clientId: string; redirectUri: string | null; codeVerifier: string | null },
  ): GrantRefused | IssuedTokens {
    const grant = this.codes.get(code);
    if (!grant || grant.clientId !== check.clientId) return refused("unknown code");
    if (grant.family) {
      grant.family.revoked = true;
      return refused("code already used");
    }
    const family: Family = { revoked: false };
    grant.family = family;
    if (grant.expiresAt <= this.now()) return refused("code expired");
    if (check.redirectUri !== grant.redirectUri) return refused("redirect_uri does not match");
    if (grant.codeChallenge !== undefined) {
      if (!check.codeVerifier) return refused("code_verifier missing");
      if (s256(check.codeVerifier) !== grant.codeChallenge) return refused("code_verifier wrong");
    } else if (check.codeVerifier) {
      return refused("code_verifier sent without a code_challenge");
    }
    return this.issue({ ...grant, family });
  }

  /**
   * A new access token and a new refresh token; the old refresh token stops
   * working. Shown again, it revokes the whole login (RFC 9700 4.14.2), unless
   * reuse detection is off.
   */
  refresh(
    refreshToken: string,
    clientId: string,
    scope: string | null,
  ): GrantRefused | IssuedTokens {
    const retired = this.retired.get(refreshToken);
    if (retired && retired.clientId === clientId && retired.expiresAt > this.now()) {
      if (!this.detectReuse) return refused("refresh token already used");
      retired.family.revoked = true;
      return refused("refresh token reused: taken as stolen, the whole login is revoked");
    }
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant || grant.clientId !== clientId || grant.family.revoked) {
      return refused("unknown refresh token");
    }
    if (grant.expiresAt <= this.now()) return refused("refresh token expired");
    if (scope !== null && scope.split(" ").some((s) => !grant.scope.split(" ").includes(s))) {
      return refused("scope wider than granted", "invalid_scope");
    }
    if (grant.customerId === undefined) return refused("unknown refresh token");
    this.refreshTokens.delete(refreshToken);
    this.retire(refreshToken, grant);
    return this.issue({ ...grant, customerId: grant.customerId, scope: scope ?? grant.scope });
  }

  /**
   * Tokens for a customer who signed in without the sign-in page (the control
   * path's sign-in): the same tokens a code would have given.
   */
  signIn(grant: { clientId: string; customerId: string; scope: string }): IssuedTokens {
    return this.issue({ ...grant, family: { revoked: false } });
  }

  /**
   * The client's own access token (client credentials): it names no customer
   * and comes without a refresh token; a client asks again when it expires.
   */
  issueClientToken(clientId: string, scope: string): IssuedClientToken {
    const access = secret();
    this.accessTokens.set(access, {
      clientId,
      customerId: undefined,
      scope,
      expiresAt: this.now() + this.ttl.accessMs,
      family: { revoked: false },
    });
    return {
      access_token: access,
      token_type: "Bearer",
      expires_in: Math.ceil(this.ttl.accessMs / 1000),
      scope,
    };
  }

  /** Whom a live access token this login server issued speaks for; `undefined` for any other. */
  holderOf(token: string): TokenHolder | undefined {
    const grant = this.accessTokens.get(token);
    if (!grant || grant.family.revoked || grant.expiresAt <= this.now()) return undefined;
    return grant.customerId === undefined
      ? { client: grant.clientId, issuedTo: grant.clientId }
      : { customer: grant.customerId, issuedTo: grant.clientId };
  }

  /** Keeps a rotated-out refresh token until it would have expired; forgets expired ones. */
  private retire(refreshToken: string, grant: TokenGrant): void {
    const now = this.now();
    for (const [token, old] of this.retired) {
      if (old.expiresAt <= now) this.retired.delete(token);
    }
    this.retired.set(refreshToken, grant);
  }

  private issue(grant: Omit<TokenGrant, "expiresAt"> & { customerId: string }): IssuedTokens {
    const now = this.now();
    const access = secret();
    const refresh = secret();
    const base = {
      clientId: grant.clientId,
      customerId: grant.customerId,
      scope: grant.scope,
      family: grant.family,
    };
    this.accessTokens.set(access, { ...base, expiresAt: now + this.ttl.accessMs });
    this.refreshTokens.set(refresh, { ...base, expiresAt: now + this.ttl.refreshMs });
    return {
      access_token: access,
      token_type: "Bearer",
      expires_in: Math.ceil(this.ttl.accessMs / 1000),
      refresh_token: refresh,
      scope: grant.scope,
    };
  }
}

export function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}
