// The error `createConnectIdLogin` throws for options it refuses: always a
// `ConnectIdError` with code `invalid_config`, before anything is sent.
import { expect } from "vitest";
import {
  ConnectIdError,
  createConnectIdLogin,
  type ConnectIdLoginOptions,
} from "../../src/index.js";

export function configError(options: unknown): ConnectIdError {
  try {
    createConnectIdLogin(options as ConnectIdLoginOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectIdError);
    expect((error as ConnectIdError).code).toBe("invalid_config");
    return error as ConnectIdError;
  }
  throw new Error("expected createConnectIdLogin to throw");
}
