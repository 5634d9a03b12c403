// What `send` says when it stops a call, word for word: a caller (and a log
// reader) tells a redirect from a server error, an abort from a timeout, and
// a token function's mistake from the API's, by these messages. Unit level:
// the fetch is a stub, so a status Node's server cannot send can be tried too.
// The same cases over a real server are in test/redirects and test/timeout.
import { describe, expect, test } from "vitest";
import { ConnectError, createConnectClient, PAY_INVOICE_PATH } from "../../src/index.js";
import { rejectionOf, validBody } from "../helpers/server.js";

const baseUrl = "https://api.example/capi";

/** A client whose fetch gives `response`, and the error of one payInvoice. */
async function failureWith(response: Response | object, options = {}) {
  const client = createConnectClient({
    baseUrl,
    accessToken: "t0k-send",
    fetch: async () => response as Response,
    maxRetries: 0,
    ...options,
  });
  const error = await rejectionOf(client.payInvoice(validBody));
  expect(error).toBeInstanceOf(ConnectError);
  return error as ConnectError;
}

describe("a redirect is never followed, nor read", () => {
  test.each([301, 302, 303, 307, 308])("a %s", async (status) => {
    const response = new Response("x".repeat(1000), {
      status,
      headers: { location: "/elsewhere" },
    });
    const error = await failureWith(response);
    expect(error.code).toBe("unexpected_response");
    expect(error.status).toBe(status);
    expect(error.message).toBe(`The API answered HTTP ${status}, a redirect: not followed`);
    expect(response.bodyUsed).toBe(false);
  });

  test("a browser's opaque redirect (status 0)", async () => {
    const opaque = {
      type: "opaqueredirect",
      status: 0,
      ok: false,
      headers: new Headers(),
      body: null,
    };
    const error = await failureWith(opaque);
    expect(error.message).toBe("The API answered HTTP 0, a redirect: not followed");
  });

  test("a status below 200 that is not an opaque redirect is refused the same way", async () => {
    const odd = { type: "basic", status: 101, ok: false, headers: new Headers(), body: null };
    const error = await failureWith(odd);
    expect(error.code).toBe("unexpected_response");
    expect(error.message).toBe("The API answered HTTP 101, a redirect: not followed");
  });
});

describe("the caller's signal and the deadline", () => {
  test("an aborted call says so", async () => {
    const controller = new AbortController();
    controller.abort();
    const client = createConnectClient({
      baseUrl,
      accessToken: "t",
      fetch: async () => new Response("{}"),
    });
    const error = (await rejectionOf(
      client.payInvoice(validBody, { signal: controller.signal }),
    )) as ConnectError;
    expect(error.code).toBe("aborted");
    expect(error.message).toBe("Aborted by the caller's signal");
  });

  test("a call past its deadline names the deadline", async () => {
    const never = (_: unknown, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init!.signal!.addEventListener("abort", () => reject(init!.signal!.reason)),
      );
    const error = await rejectionOf(
      createConnectClient({ baseUrl, accessToken: "t", fetch: never, timeoutMs: 20 }).payInvoice(
        validBody,
      ),
    );
    expect((error as ConnectError).code).toBe("timeout");
    expect((error as ConnectError).message).toBe("No complete response within 20 ms");
  });
});

describe("a token the function cannot give", () => {
  test.each([undefined, null, "", "  ", 42])(
    "%j: invalid_request naming accessToken",
    async (token) => {
      let sent = 0;
      const client = createConnectClient({
        baseUrl,
        accessToken: () => token as string,
        fetch: async () => (sent++, new Response("{}")),
      });
      const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
      expect(error.code).toBe("invalid_request");
      expect(error.issues).toEqual([
        { field: "accessToken", message: "must be a non-empty string" },
      ]);
      expect(error.message).toContain("access token");
      expect(sent).toBe(0);
    },
  );

  test("a token with a line break", async () => {
    const client = createConnectClient({ baseUrl, accessToken: () => "abc\r\nX-Evil: 1" });
    const error = (await rejectionOf(client.payInvoice(validBody))) as ConnectError;
    expect(error.issues).toEqual([{ field: "accessToken", message: "must not contain CR or LF" }]);
    expect(error.message).toContain("access token");
    expect(error.message).not.toContain("abc");
  });
});

describe("a raw error body that is text, not JSON", () => {
  test("has the token redacted, also as JSON escapes its slashes", async () => {
    const { createRawClient } = await import("../../src/raw.js");
    const token = "tok/with/slashes";
    const raw = createRawClient({
      baseUrl,
      accessToken: token,
      maxRetries: 0,
      fetch: async () =>
        new Response(`upstream said {"auth":"tok\\/with\\/slashes"} and tok/with/slashes`, {
          status: 400,
        }),
    });
    const { error } = await raw.POST(PAY_INVOICE_PATH, { body: validBody });
    expect(String(error)).toBe(`upstream said {"auth":"[redacted]"} and [redacted]`);
  });
});

describe("the code of a status the table does not name", () => {
  test.each([
    [418, "unexpected_response"],
    [499, "unexpected_response"],
    [500, "server_error"],
    [599, "server_error"],
  ])("%s is %s", async (status, code) => {
    const error = await failureWith(new Response("{}", { status }));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
  });
});

describe("headers that are not an object of strings", () => {
  test.each([null, "x-trace: 1", 5])("%j is refused when the client is created", (headers) => {
    let thrown: unknown;
    try {
      createConnectClient({ accessToken: "t", headers: headers as never });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectError);
    expect((thrown as ConnectError).issues).toEqual([
      { field: "headers", message: "must be an object of header names to strings" },
    ]);
    expect((thrown as ConnectError).message).toContain("client options");
  });
});

test("a baseUrl ending in several slashes loses all of them", async () => {
  const urls: string[] = [];
  const client = createConnectClient({
    baseUrl: `${baseUrl}///`,
    accessToken: "t",
    fetch: async (url) => (urls.push(String(url)), new Response("{}", { status: 500 })),
    maxRetries: 0,
  });
  await rejectionOf(client.payInvoice(validBody));
  expect(urls).toEqual([`${baseUrl}${PAY_INVOICE_PATH}`]);
});
