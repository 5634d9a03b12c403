// Calls the route handlers directly, as Next does: the URL's path picks the
// app/**/route.ts module, the method picks its export. No server, no build.
import * as home from "../app/route.js";
import * as login from "../app/login/route.js";
import * as callback from "../app/login/callback/route.js";
import * as logout from "../app/logout/route.js";
import * as pay from "../app/pay/route.js";
import * as paymentReturn from "../app/payment/return/route.js";
import * as paymentError from "../app/payment/error/route.js";
import * as paymentMethod from "../app/payment-method/route.js";
import * as paymentMethodReturn from "../app/payment-method/return/route.js";

type Handler = (request: Request) => Response | Promise<Response>;

const ROUTES: Record<string, Partial<Record<"GET" | "POST", Handler>>> = {
  "/": home,
  "/login": login,
  "/login/callback": callback,
  "/logout": logout,
  "/pay": pay,
  "/payment/return": paymentReturn,
  "/payment/error": paymentError,
  "/payment-method": paymentMethod,
  "/payment-method/return": paymentMethodReturn,
};

export function handle(request: Request): Response | Promise<Response> {
  const route = ROUTES[new URL(request.url).pathname];
  const handler = route?.[request.method as "GET" | "POST"];
  if (!route) return new Response("Not found", { status: 404 });
  if (!handler) return new Response("Method not allowed", { status: 405 });
  return handler(request);
}

/** A browser of one: keeps the session cookie, follows no redirect. */
export function browser(origin: string) {
  let cookie = "";
  return async function visit(
    path: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    const response = await handle(
      new Request(new URL(path, origin), {
        method: init.method ?? (init.form ? "POST" : "GET"),
        headers: { cookie, ...init.headers },
        ...(init.form ? { body: new URLSearchParams(init.form) } : {}),
      }),
    );
    cookie = response.headers.get("set-cookie")?.split(";")[0] ?? cookie;
    return {
      status: response.status,
      location: response.headers.get("location"),
      text: await response.text(),
    };
  };
}
