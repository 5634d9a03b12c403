/**
 * Copies the details that are set onto an error, so a logged error shows no
 * `undefined` noise. A `cause` already set by `Error` stays non-enumerable.
 */
export function assignDefined(error: Error, details: object): void {
  for (const key in details) {
    const value = (details as Record<string, unknown>)[key];
    if (value !== undefined) (error as unknown as Record<string, unknown>)[key] = value;
  }
}
