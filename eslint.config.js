// @ts-check
// ESLint for the published packages and the demo: typescript-eslint's strict, type-checked
// rules. Every rule turned off or relaxed below says why on the line above.
import comments from "@eslint-community/eslint-plugin-eslint-comments/configs";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    // Build output, and the generator's output (checked against the spec by `check:drift` instead).
    ignores: ["**/dist/**", "**/generated/**", "**/node_modules/**", "**/coverage/**"],
  },
  {
    files: [
      "packages/*/{src,test}/**/*.ts",
      "packages/types/*.d.{ts,mts}",
      "examples/demo/src/**/*.ts",
    ],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The public functions check at run time what their types already forbid, for
      // JavaScript callers (bad input gets a typed error); this rule flags exactly those checks.
      "@typescript-eslint/no-unnecessary-condition": "off",
      // With `noUncheckedIndexedAccess`, `!` marks an index the code has just checked (a
      // regex group, a split part); a guard for each would be a branch no test can reach.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Numbers in messages and URLs print as expected; other types must still be converted.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `return reply(response, ...)` ends an HTTP handler in one line; nothing uses the value.
      "@typescript-eslint/no-confusing-void-expression": "off",
      // Same family as no-unnecessary-condition: `x === true`, `String(x)` on a typed string
      // guard against what a JavaScript caller may pass.
      "@typescript-eslint/no-unnecessary-boolean-literal-compare": "off",
      "@typescript-eslint/no-unnecessary-type-conversion": "off",
      // `() => {}` is the idiom for "ignore this" (a swallowed rejection, a silent log).
      "@typescript-eslint/no-empty-function": ["error", { allow: ["arrowFunctions"] }],
      // `x === undefined ? y : x` keeps `null` an error where `??` would let it through.
      "@typescript-eslint/prefer-nullish-coalescing": ["error", { ignoreTernaryTests: true }],
      // `!x || x.a !== b` says "missing or different" more plainly than `x?.a !== b`.
      "@typescript-eslint/prefer-optional-chain": "off",
      // `value as string` names the type the checks above established; `!` is not clearer.
      "@typescript-eslint/non-nullable-type-assertion-style": "off",
      // A `let` declared above the closures that read it, set once when the server knows its
      // origin, reads better than a `const` below them.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ["packages/sandbox/src/**/*.ts"],
    rules: {
      // The test double turns whatever JSON a test sends into strings on purpose: an object
      // becomes "[object Object]" and is then refused like any unknown value.
      "@typescript-eslint/no-base-to-string": "off",
    },
  },
  {
    files: ["packages/*/test/**/*.ts"],
    rules: {
      // Tests read `await response.json()` (any) and assert on it with `expect`.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/restrict-plus-operands": "off",
      // Fakes of async APIs (fetch, accessToken) are `async` to return promises like the real ones.
      "@typescript-eslint/require-await": "off",
      // Tests widen values (`as string`, `as never`) and feed odd ones on purpose, to reach
      // the run-time checks and see what a broken fetch's rejection becomes.
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/prefer-promise-reject-errors": "off",
      "@typescript-eslint/no-dynamic-delete": "off",
      // Type tests name a value without using it: `void client.raw`, `expectTypeOf(x.method)`.
      "@typescript-eslint/no-meaningless-void-operator": "off",
      "@typescript-eslint/unbound-method": "off",
      // `createServer(async (request, response) => ...)`: a rejection there fails the test run.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
      // `const { field: _, ...rest } = body` drops a field to test its absence.
      "@typescript-eslint/no-unused-vars": ["error", { varsIgnorePattern: "^_" }],
    },
  },
  comments.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A disable comment must say why: `// eslint-disable-next-line rule -- reason`.
      "@eslint-community/eslint-comments/require-description": "error",
    },
  },
);
