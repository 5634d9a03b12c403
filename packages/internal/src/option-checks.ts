// The checks every options object goes through: each broken option becomes one
// issue (field and rule), and one error names them all.

/** One broken option or argument, and the rule it breaks. */
export interface Issue {
  field: string;
  message: string;
}

/** A whole number of milliseconds that `setTimeout` can wait (below 2^31). */
export const isCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 31;

/** A list of issues and `check`, which adds one when `ok` is false. */
export function issueList(): {
  issues: Issue[];
  check: (ok: boolean, field: string, message: string) => void;
} {
  const issues: Issue[] = [];
  return {
    issues,
    check: (ok, field, message) => {
      if (!ok) issues.push({ field, message });
    },
  };
}

/** `Invalid {what}: {field} {rule}; …`, the message of every invalid-options error. */
export const invalidMessage = (what: string, issues: readonly Issue[]): string =>
  `Invalid ${what}: ${issues.map((issue) => `${issue.field} ${issue.message}`).join("; ")}`;
