// A browser of one for route tests: keeps the session cookie, follows no
// redirect (each Location is asserted, or handed to the sandbox's helpers).
export interface Visit {
  status: number;
  location: string | null;
  text: string;
}

export function browser(origin: string) {
  let cookie = "";
  return async function visit(
    path: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Visit> {
    const url = new URL(path, origin);
    const response = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers: {
        cookie,
        ...init.headers,
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
      redirect: "manual",
    });
    const set = response.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0]!;
    return {
      status: response.status,
      location: response.headers.get("location"),
      text: await response.text(),
    };
  };
}
