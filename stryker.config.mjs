// Mutation testing (StrykerJS) of one package's src/, run by `pnpm mutate`
// (scripts/mutate.mjs) with the package folder as the working directory.
// It is slow, so it stays outside `pnpm test`; the
// scores and every surviving mutant are explained in MUTATION.md.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  // `related: false`: by default the runner gives Vitest only the test files
  // it finds related to the mutated file, and that search missed tests that
  // reach the file through a started sandbox (a mutant of the invoice record
  // ran one test and "survived"). Every test file is run; a failing test
  // still stops the run at once (bail).
  vitest: { configFile: "vitest.config.ts", related: false },
  // Generated files carry the spec's facts; tests of the spec and drift cover
  // them. The sandbox's `cli.ts` only starts the sandbox and prints: its tests
  // run the built command, which a mutant of the source never reaches (what
  // it reads and prints is in cli-options.ts and cli-banner.ts, tested in process).
  mutate: ["src/**/*.ts", "!src/generated/**", "!src/cli.ts"],
  // Vitest does not type-check when it runs tests, so Stryker need not write
  // `// @ts-nocheck` into every file; in place, that line broke a test that
  // compares a test file with the README's copy of it.
  disableTypeChecks: false,
  // The packages' vitest configs import the workspace's shared config by a
  // relative path, so the files are mutated in place (and restored after)
  // rather than in a copied sandbox.
  inPlace: true,
  // scripts/mutate.mjs sets the coverage analysis per package.
  coverageAnalysis: "all",
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: "../../.stryker-tmp",
  cleanTempDir: true,
};
