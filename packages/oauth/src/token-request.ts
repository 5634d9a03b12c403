// One request to the token endpoint (code exchange or refresh) and the
// processing of its answer, under the timeout, with errors that hold no secret.
import * as oauth from "oauth4webapi";
import { ConnectIdError } from "./errors.js";
import { fromLoginServer } from "./oauth-errors.js";
import type { Settings } from "./options.js";
import { requestOptions } from "./request.js";

export type TokenRequest = (
  send: (
    as: oauth.AuthorizationServer,
    options: oauth.TokenEndpointRequestOptions,
  ) => Promise<Response>,
  process: (
    as: oauth.AuthorizationServer,
    response: Response,
  ) => Promise<oauth.TokenEndpointResponse>,
  secrets: (string | undefined)[],
) => Promise<oauth.TokenEndpointResponse>;

export function tokenRequester(
  settings: Settings,
  server: () => Promise<oauth.AuthorizationServer>,
  alwaysSecret: string[],
): TokenRequest {
  return async (send, process, secrets) => {
    const as = await server();
    const signal = AbortSignal.timeout(settings.timeoutMs);
    const request = requestOptions(settings, as.token_endpoint as string, signal);
    try {
      const response = await send(as, request.options);
      return onlyBearer(await process(as, response), request.answered());
    } catch (error) {
      throw await fromLoginServer(error, {
        what: "The token endpoint",
        secrets: [...alwaysSecret, ...secrets],
        timedOut: signal.aborted,
        answered: request.answered(),
      });
    }
  };
}

/**
 * Only Bearer tokens are sent by the client (RFC 6750); oauth4webapi also
 * lets DPoP through, which would then be sent as Bearer and refused.
 */
function onlyBearer(
  response: oauth.TokenEndpointResponse,
  status: number | undefined,
): oauth.TokenEndpointResponse {
  if (response.token_type === "bearer") return response;
  throw new ConnectIdError(
    "provider_error",
    `The token endpoint answered with token_type "${String(response.token_type).slice(0, 40)}"; only Bearer is accepted`,
    { status },
  );
}
