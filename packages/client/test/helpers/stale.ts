import { statSync } from "node:fs";

/** The inputs changed after the build, newest first: testing that build would test old code. */
export function staleInputs(builtFiles: string[], inputs: string[]): string[] {
  const built = Math.min(...builtFiles.map((file) => statSync(file).mtimeMs));
  return inputs
    .filter((file) => statSync(file).mtimeMs > built)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}
