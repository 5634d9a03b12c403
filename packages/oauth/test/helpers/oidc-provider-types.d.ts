// The small part of oidc-provider's API the standards tests use; the package
// ships no types of its own.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface Account {
    accountId: string;
    claims(): Record<string, unknown>;
  }

  export interface Configuration {
    clients: Record<string, unknown>[];
    features?: Record<string, { enabled: boolean }>;
    scopes?: string[];
    cookies?: { keys: string[] };
    ttl?: Record<string, number>;
    findAccount?: (context: unknown, sub: string) => Promise<Account | undefined>;
    issueRefreshToken?: () => Promise<boolean>;
    rotateRefreshToken?: boolean;
    pkce?: { required: () => boolean };
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
