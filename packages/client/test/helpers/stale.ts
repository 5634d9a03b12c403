import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Every file the build reads: the sources (generated ones included) and its configuration. */
export function buildInputs(): string[] {
  const sources = readdirSync(here("src"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  return [...sources, here("tsup.config.ts"), here("package.json"), here("tsconfig.json")];
}

/** The inputs changed after the build, newest first: testing that build would test old code. */
export function staleInputs(builtFiles: string[], inputs: string[]): string[] {
  const built = Math.min(...builtFiles.map((file) => statSync(file).mtimeMs));
  return inputs
    .filter((file) => statSync(file).mtimeMs > built)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}
