import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const SPEC_PATH = fileURLToPath(
  new URL("../../openapi/connect-payment.yaml", import.meta.url),
);

// The spec as plain data; the shape is checked by the linter, not here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain data, see above
export type Spec = any;

export function loadSpec(): Spec {
  return parse(readFileSync(SPEC_PATH, "utf8"));
}

/** The entries of a map in the spec (paths, schemas, properties); none where it is absent. */
export function entriesOf(map: Spec): [string, Spec][] {
  return Object.entries((map as Record<string, Spec> | undefined) ?? {});
}

/** The keys of a map in the spec; none where it is absent. */
export const keysOf = (map: Spec): string[] => entriesOf(map).map(([key]) => key);
