import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConnectError, createConnectClient } from "../../src/index.js";
import {
  rejectionOf,
  startServer,
  trackUnhandledRejections,
  validBody,
  type TestServer,
} from "../helpers/server.js";
import { faultCases } from "./cases.js";

const scenario = (index: number) => `case-${index}`;
let server: TestServer;
beforeAll(async () => {
  server = await startServer(
    Object.fromEntries(faultCases.map((c, index) => [scenario(index), c.handler])),
  );
});
afterAll(() => server.close());

describe("each bad response gives its exact error code", () => {
  test.each(faultCases.map((c, index) => [c.name, c, index] as const))(
    "%s",
    async (_, c, index) => {
      const unhandled = trackUnhandledRejections();
      const client = createConnectClient({
        baseUrl: server.baseUrl(scenario(index)),
        accessToken: "fault-token",
        // Longer than the test may take: only the cases that set their own timeout can end in one.
        timeoutMs: c.timeoutMs ?? 60_000,
        retryDelayMs: () => 1,
      });
      const error = await rejectionOf(client.payInvoice(validBody));
      await new Promise((resolve) => setTimeout(resolve, 30));
      unhandled.stop();

      expect(error).toBeInstanceOf(ConnectError);
      const connectError = error as ConnectError;
      expect(connectError.code).toBe(c.code);
      expect(connectError.status).toBe(c.status);
      if ("body" in c) expect(connectError.body).toEqual(c.body);
      if (typeof connectError.body === "string") {
        expect(connectError.body.length).toBeLessThanOrEqual(200);
      }
      c.check?.(connectError as unknown as Record<string, unknown>);
      expect(server.count(scenario(index))).toBe(c.requests);
      expect(unhandled.list).toEqual([]);
      expect(server.received.every((r) => r.valid)).toBe(true);
    },
  );
});
