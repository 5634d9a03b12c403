// Types for failed-setup-reporter.mjs, so the shared Vitest config can import it.
import type { Reporter } from "vitest/reporters";
export default class FailedSetupReporter implements Reporter {}
