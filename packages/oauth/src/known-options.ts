// Every options object names only options that exist: a misspelt name would
// otherwise be ignored and its default used in silence.
import type { ConnectIdIssue } from "./errors.js";

/** One issue per own key of `given` that is not in `known`. */
export function unknownOptions(
  given: unknown,
  known: readonly string[],
  where: string,
): ConnectIdIssue[] {
  if (!given || typeof given != "object") return [];
  return Object.keys(given)
    .filter((name) => !known.includes(name))
    .map((field) => ({ field, message: `is not an option of ${where}` }));
}
