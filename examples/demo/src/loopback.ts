// Loopback hosts: the shop's cookie needs no Secure flag there, and the back
// office answers only there.

/** True for `localhost`, `[::1]` and `127.x.x.x`. */
export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** True when a `Host` header names a loopback host (any port); false when absent or unreadable. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  try {
    return isLoopback(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}
