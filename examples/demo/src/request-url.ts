// The URL a request is for, built from the shop's configured public origin and
// the path of the request target. Never `new URL(request.url, origin)`: a
// target such as `//evil.example/return?…` would move the origin, and the
// origin is part of what the return binding signs.

/** `undefined` for a target that is not a plain path (`//host/…`, `http://…`, `*`). */
export function requestUrl(publicOrigin: string, target: string | undefined): URL | undefined {
  if (!target?.startsWith("/") || target.startsWith("//")) return undefined;
  const url = new URL(publicOrigin + target);
  return url.origin === publicOrigin ? url : undefined;
}
