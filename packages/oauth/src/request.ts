// The options of every request to the login server: the caller's fetch, the
// timeout, plain http only where the options check allowed it (loopback), and
// a record of whether an answer came back (`network` only when none did).
import * as oauth from "oauth4webapi";
import type { ConnectionSettings } from "./options.js";

export interface LoginServerRequest {
  options: oauth.TokenEndpointRequestOptions & oauth.DiscoveryRequestOptions;
  /** The HTTP status of the answer; `undefined` while nothing came back. */
  answered(): number | undefined;
}

export function requestOptions(
  settings: ConnectionSettings,
  url: string,
  signal: AbortSignal,
): LoginServerRequest {
  let status: number | undefined;
  const options: LoginServerRequest["options"] = {
    signal,
    // settings.fetch calls the caller's fetch unbound (browsers and workerd
    // throw "Illegal invocation" when fetch runs with another `this`).
    [oauth.customFetch]: async (target, init) => {
      const response = await settings.fetch(target, init as RequestInit);
      status = (response as Partial<Response> | undefined)?.status ?? 0;
      return response;
    },
  };
  // Plain http is allowed only for loopback URLs, as the options and metadata checks made sure.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- marked only to stand out; loopback only, as checked
  if (new URL(url).protocol === "http:") options[oauth.allowInsecureRequests] = true;
  return { options, answered: () => status };
}
