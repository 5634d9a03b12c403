// Input that used to make the sandbox answer 500: a JSON null to the control
// path, and a broken percent-encoding in a product path. Both are 400s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/index.js";
import { paymentMethodPath } from "../../../../openapi/fixtures.mjs";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe("bad input gives 400, never 500", () => {
  it.each(["/complete", "/complete-change", "/sign-in"])(
    "POST %s with a JSON body that is not an object",
    async (path) => {
      for (const body of ["null", "[]", '"text"', "7", "true"]) {
        const response = await fetch(`${sandbox.controlUrl}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        expect(response.status, body).toBe(400);
        expect(await response.json()).toEqual({
          error: "bad_request",
          message: expect.stringMatching(/JSON object/),
        });
      }
    },
  );

  it.each(["GET", "POST"])("%s a product path with a broken percent-encoding", async (method) => {
    const { accessToken } = sandbox.signIn();
    for (const code of ["%E0%A4%A", "%", "a%zz"]) {
      const response = await fetch(`${sandbox.apiUrl}${paymentMethodPath(code)}`, {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          ...(method === "POST" ? { "content-type": "application/json" } : {}),
        },
        ...(method === "POST" ? { body: JSON.stringify({ paymentMethod: "nexi" }) } : {}),
      });
      expect(response.status, code).toBe(400);
      const body = (await response.json()) as { errorMessage: string };
      expect(body.errorMessage).toMatch(/productCode/);
    }
    const logged = sandbox.requests().filter((r) => r.path.startsWith(paymentMethodPath("%")));
    expect(logged.every((r) => r.status === 400 && r.responseIssues.length === 0)).toBe(true);
  });
});
