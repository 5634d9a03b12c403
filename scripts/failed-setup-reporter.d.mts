// Types for failed-setup-reporter.mjs, so the shared Vitest config can import it.
import type { Reporter } from "vitest/reporters";
declare const FailedSetupReporter: new () => Reporter;
export default FailedSetupReporter;
