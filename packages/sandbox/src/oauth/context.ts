// What the login server's OAuth endpoints share.
import type { GrantStore } from "./grants.js";
import type { OAuthSettings } from "./options.js";
import { loadSpec, oauthFacts } from "../spec.js";

export interface OAuthContext {
  settings: OAuthSettings;
  grants: GrantStore;
  log: (line: string) => void;
}

/** The endpoint paths (under the login base) and scopes, from the spec's `connectId` scheme. */
export const OAUTH_FACTS = oauthFacts(loadSpec());
