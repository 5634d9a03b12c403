// @ts-check
// Runs every check of every suite, one after another, and reports each one;
// a failing check never stops the others. A check may return a note (a
// fact worth seeing in the log, such as what the runtime threw).

/**
 * @typedef {{ suite: string; name: string; ok: boolean; ms: number; note?: string; error?: string }} CheckResult
 */

/**
 * @param {Record<string, import("./support.mjs").Suite>} suites
 * @param {import("./support.mjs").ScenarioEnv} env
 * @returns {Promise<CheckResult[]>}
 */
export async function runSuites(suites, env) {
  /** @type {CheckResult[]} */
  const results = [];
  for (const [suite, checks] of Object.entries(suites)) {
    for (const [name, check] of Object.entries(checks)) {
      const started = Date.now();
      try {
        const note = await check(env);
        results.push({
          suite,
          name,
          ok: true,
          ms: Date.now() - started,
          ...(note ? { note } : {}),
        });
      } catch (error) {
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        results.push({ suite, name, ok: false, ms: Date.now() - started, error: text });
      }
    }
  }
  return results;
}
