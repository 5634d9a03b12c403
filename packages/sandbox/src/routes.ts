// The paths of the sandbox's server, by base: the API, the login server's
// pages and OAuth endpoints, its metadata, and the control path.
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiRoute, type ApiRouteContext } from "./api-route.js";
import { CONTROL_BASE, type ControlContext } from "./control.js";
import { handleControl } from "./control-http.js";
import { sendJson } from "./http.js";
import {
  CHANGE_PAGE_PATH,
  handleChangeDecision,
  handleChangePage,
  handlePayDecision,
  handlePayPage,
  PAY_PAGE_PATH,
  type LoginContext,
} from "./login.js";
import { OAUTH_FACTS } from "./oauth/context.js";
import type { OAuthServer } from "./oauth/index.js";
import { authorizationServerMetadata, handleMetadata, METADATA_PREFIX } from "./oauth/metadata.js";
import type { MountedRoute } from "./server.js";

/** Base paths that mirror the real servers' (`…/capi` and `…/user`), so URL joining is tested. */
export const API_BASE = "/capi";
export const LOGIN_BASE = "/user";
export { CONTROL_BASE };

type Handler = MountedRoute["handle"];

/** GET shows a page, POST takes the customer's choice; other methods get 405. */
const page =
  (
    show: (url: URL, response: ServerResponse) => void,
    decide: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  ): Handler =>
  (request, response, url) => {
    if (request.method === "GET") return show(url, response);
    if (request.method === "POST") return decide(request, response);
    sendJson(response, 405, { error: "method_not_allowed" }, { allow: "GET, POST" });
  };

export interface RouteParts {
  api: Omit<ApiRouteContext, "apiBase">;
  login: LoginContext;
  control: ControlContext;
  oauth: OAuthServer;
  /** The server's origin, known once it listens. */
  origin: () => string;
}

/** Every route of the server, with its full path (`*` at the end matches the rest). */
export function sandboxRoutes({ api, login, control, oauth, origin }: RouteParts): MountedRoute[] {
  return [
    { path: `${API_BASE}/*`, handle: apiRoute({ ...api, apiBase: API_BASE }) },
    {
      path: LOGIN_BASE + CHANGE_PAGE_PATH,
      handle: page(
        (url, response) => handleChangePage(url, response, login),
        (request, response) => handleChangeDecision(request, response, login),
      ),
    },
    {
      path: LOGIN_BASE + PAY_PAGE_PATH,
      handle: page(
        (url, response) => handlePayPage(url, response, login),
        (request, response) => handlePayDecision(request, response, login),
      ),
    },
    ...[OAUTH_FACTS.authorizePath, OAUTH_FACTS.tokenPath].map((path) => ({
      path: LOGIN_BASE + path,
      handle: async (request: IncomingMessage, response: ServerResponse, url: URL) => {
        await oauth.route(url, LOGIN_BASE, request, response);
      },
    })),
    {
      path: METADATA_PREFIX + LOGIN_BASE,
      handle: (request, response) =>
        handleMetadata(request, response, authorizationServerMetadata(origin() + LOGIN_BASE)),
    },
    {
      path: `${CONTROL_BASE}/*`,
      handle: (request, response, url) => handleControl(request, response, url, control),
    },
  ];
}
