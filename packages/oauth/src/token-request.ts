// One request to the token endpoint (code exchange or refresh) and the
// processing of its answer, under the timeout, with errors that hold no secret.
import * as oauth from "oauth4webapi";
import { ConnectIdError } from "./errors.js";
import { fromLoginServer } from "./oauth-errors.js";
import { basicCredentials } from "./errors.js";
import type { ClientSettings, ConnectionSettings } from "./options.js";
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

/** Who the client is at the token endpoint, and every form its secret can take in an answer. */
export function clientIdentity(settings: ClientSettings) {
  return {
    client: { client_id: settings.clientId } satisfies oauth.Client,
    clientAuth:
      settings.clientAuthentication === "client_secret_post"
        ? oauth.ClientSecretPost(settings.clientSecret)
        : oauth.ClientSecretBasic(settings.clientSecret),
    alwaysSecret: [
      settings.clientSecret,
      ...basicCredentials(settings.clientId, settings.clientSecret),
    ],
  };
}

export function tokenRequester(
  settings: ConnectionSettings,
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
