// @ts-check
// ESLint for every folder of code: TypeScript gets typescript-eslint's strict, type-checked
// rules; plain JavaScript (scripts, benchmarks, fixtures) gets ESLint's recommended rules.
// Every rule turned off or relaxed below says why on the line above.
import js from "@eslint/js";
import comments from "@eslint-community/eslint-plugin-eslint-comments/configs";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

// TypeScript files that no tsconfig.json next to or above them includes: the type-cost
// inputs (bench/type-cost has one tsconfig per variant), the declarations next to scripts
// written in JavaScript, the docs site's config (type-checked by tests/tsconfig.json), the
// types package's vitest config (its tsconfig holds what it ships and its tests), the
// types consumers (each compiled alone by its test) and root files. They share one program with
// the root compiler options.
const OUTSIDE_ANY_TSCONFIG = [
  "bench/type-cost/*.ts",
  "docs/.vitepress/*.mts",
  "docs/.vitepress/theme/*.mts",
  "openapi/*.d.mts",
  "packages/types/vitest.config.ts",
  "scripts/*.d.mts",
  "tests/fixtures/*.ts",
  "tests/registry/fixtures/*/*-types.ts",
  "vitest.shared.ts",
];

// Code that only tests run: the relaxations for tests below apply to all of it.
const TEST_CODE = [
  "packages/*/test/**/*.ts",
  "examples/*/test/**/*.ts",
  "tests/**/*.{ts,mts}",
  "runtimes/**/*.ts",
];

export default defineConfig(
  {
    // Build output, the generator's output (checked against the spec by `check:drift`
    // instead), and what tests, the docs build and mutation testing leave behind (as in
    // .gitignore, which ESLint does not read).
    ignores: [
      "**/dist/**",
      "**/generated/**",
      "**/node_modules/**",
      "**/coverage/**",
      "**/artifacts/**",
      "docs-site/**",
      "docs/.vitepress/cache/**",
      "tests/docs/.examples/**",
      "tests/docs-site/.sections-*/**",
      ".stryker-tmp/**",
      "**/reports/mutation/**",
    ],
  },
  {
    files: ["**/*.{ts,mts,cts}"],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: OUTSIDE_ANY_TSCONFIG,
          defaultProject: "tsconfig.base.json",
          // The list above matches about a dozen files; the cap (default 8) guards against
          // a glob that sweeps in a whole folder by mistake, which would slow linting down.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 20,
        },
        tsconfigRootDir: import.meta.dirname,
      },
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
    // No function in a package's source longer than 80 lines (CONTRIBUTING, "Style"),
    // comments and blank lines included. The sandbox joins once its server is split up.
    files: ["packages/{client,redirect,oauth,oauth-redis,internal}/src/**/*.ts"],
    rules: { "max-lines-per-function": ["error", { max: 80 }] },
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
    files: TEST_CODE,
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
  {
    // Plain JavaScript is linted without types: most of it has none to check (only a few
    // scripts carry JSDoc), and type-aware rules on untyped code would flag every value.
    files: ["**/*.{js,mjs,cjs}"],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
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
