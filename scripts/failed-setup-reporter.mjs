// A Vitest reporter used only under mutation testing (vitest.shared.ts adds it
// when Stryker runs the tests). When a test file's own setup fails (a
// `beforeAll` that throws, or an import that throws), Vitest marks the file
// failed and its tests skipped; Stryker's Vitest runner looks for the failure
// on the tests' suites, not on the file, so a mutant that stops the sandbox
// from starting counted as survived. This adds one failed test to each such
// file, carrying the file's own error, so the mutant counts as killed.
export default class FailedSetupReporter {
  onTestRunEnd(testModules) {
    for (const { task: file } of testModules) {
      const errors = file.result?.errors ?? [];
      if (file.result?.state !== "fail" || errors.length === 0) continue;
      file.tasks.push({
        id: `${file.id}_setup`,
        type: "test",
        name: "(the file's setup failed)",
        mode: "run",
        file,
        meta: {},
        result: { state: "fail", errors },
      });
    }
  }
}
