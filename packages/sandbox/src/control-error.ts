/** Thrown by the sandbox's control functions when a link, an outcome or a name cannot be used. */
export class SandboxControlError extends Error {
  /** Always `"SandboxControlError"`. */
  override name = "SandboxControlError";
}
