// What the login server has handed out: pending sign-ins, codes, tokens.
import { createHash, randomBytes } from "node:crypto";

/** An authorization request waiting for the customer's choice on the sign-in page. */
export interface SignInRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | undefined;
  codeChallenge: string | undefined;
  expiresAt: number;
}

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  scope: string;
  customerId: string;
  codeChallenge: string | undefined;
  expiresAt: number;
  used: boolean;
  /** Tokens issued for this code, revoked when the code is used again (RFC 6749 section 4.1.2). */
  issued: string[];
}

interface TokenGrant {
  clientId: string;
  customerId: string;
  scope: string;
  expiresAt: number;
}

export interface IssuedTokens {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
}

const secret = () => randomBytes(24).toString("base64url");

export class GrantStore {
  private readonly signIns = new Map<string, SignInRequest>();
  private readonly codes = new Map<string, CodeGrant>();
  private readonly accessTokens = new Map<string, TokenGrant>();
  private readonly refreshTokens = new Map<string, TokenGrant>();

  constructor(
    private readonly ttl: { accessMs: number; refreshMs: number; codeMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  addSignIn(request: Omit<SignInRequest, "expiresAt">): string {
    const id = secret();
    // The sign-in page may sit open for a while; ten minutes is plenty for a test.
    this.signIns.set(id, { ...request, expiresAt: this.now() + 10 * 60_000 });
    return id;
  }

  /** The pending sign-in, removed: each page can be answered once. */
  takeSignIn(id: string): SignInRequest | undefined {
    const found = this.signIns.get(id);
    this.signIns.delete(id);
    return found && found.expiresAt > this.now() ? found : undefined;
  }

  addCode(request: SignInRequest, customerId: string): string {
    const code = secret();
    this.codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      scope: request.scope,
      customerId,
      codeChallenge: request.codeChallenge,
      expiresAt: this.now() + this.ttl.codeMs,
      used: false,
      issued: [],
    });
    return code;
  }

  /**
   * Redeems a code: the reason it cannot be redeemed, or the tokens. A second
   * use revokes what the first one issued.
   */
  redeemCode(
    code: string,
    check: { clientId: string; redirectUri: string | null; codeVerifier: string | null },
  ): { error: string } | IssuedTokens {
    const grant = this.codes.get(code);
    if (!grant || grant.clientId !== check.clientId) return { error: "unknown code" };
    if (grant.used) {
      for (const token of grant.issued) {
        this.accessTokens.delete(token);
        this.refreshTokens.delete(token);
      }
      return { error: "code already used" };
    }
    grant.used = true;
    if (grant.expiresAt <= this.now()) return { error: "code expired" };
    if (check.redirectUri !== grant.redirectUri) return { error: "redirect_uri does not match" };
    if (grant.codeChallenge !== undefined) {
      if (!check.codeVerifier) return { error: "code_verifier missing" };
      if (s256(check.codeVerifier) !== grant.codeChallenge) return { error: "code_verifier wrong" };
    } else if (check.codeVerifier) {
      return { error: "code_verifier sent without a code_challenge" };
    }
    const tokens = this.issue(grant);
    grant.issued.push(tokens.access_token, tokens.refresh_token);
    return tokens;
  }

  /** A new access token and a new refresh token; the old refresh token stops working. */
  refresh(
    refreshToken: string,
    clientId: string,
    scope: string | null,
  ): { error: string } | IssuedTokens {
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant || grant.clientId !== clientId) return { error: "unknown refresh token" };
    if (grant.expiresAt <= this.now()) return { error: "refresh token expired" };
    if (scope !== null && scope.split(" ").some((s) => !grant.scope.split(" ").includes(s))) {
      return { error: "scope wider than granted" };
    }
    this.refreshTokens.delete(refreshToken);
    return this.issue({ ...grant, scope: scope ?? grant.scope });
  }

  /**
   * Tokens for a customer who signed in without the sign-in page (the control
   * path's sign-in): the same tokens a code would have given.
   */
  signIn(grant: { clientId: string; customerId: string; scope: string }): IssuedTokens {
    return this.issue(grant);
  }

  /** Is this a live access token this login server issued? */
  accessTokenValid(token: string): boolean {
    const grant = this.accessTokens.get(token);
    return !!grant && grant.expiresAt > this.now();
  }

  private issue(grant: { clientId: string; customerId: string; scope: string }): IssuedTokens {
    const now = this.now();
    const access = secret();
    const refresh = secret();
    const base = { clientId: grant.clientId, customerId: grant.customerId, scope: grant.scope };
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
