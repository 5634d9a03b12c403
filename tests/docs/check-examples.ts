// Type-checks README code blocks the way a user's project would see them, and
// runs the ones marked ```ts run. All blocks compile in one TypeScript program
// (one file per block, so each error still points at its README line).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import type { CodeBlock } from "./markdown-blocks.js";

/** A user's strict ESM project on Node; DOM too, since the redirect helpers also run in browsers. */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: ["node"],
  skipLibCheck: true,
  noEmitOnError: false,
};

export interface CheckedExample {
  block: CodeBlock;
  /** The compiled JavaScript, for blocks that are run. */
  outputFile: string;
  /** Type errors as `README.md:43:7 TS2322: message`; empty when the block compiles. */
  errors: string[];
}

/**
 * Writes every block (except ```ts nocheck) into `scratchDir` and compiles
 * them together. `scratchDir` must sit inside the workspace so that
 * `@connect-payment/*` imports resolve to the workspace packages.
 */
export function checkExamples(blocks: CodeBlock[], scratchDir: string): CheckedExample[] {
  rmSync(scratchDir, { recursive: true, force: true });
  mkdirSync(scratchDir, { recursive: true });
  const outDir = join(scratchDir, "out");

  const examples = blocks
    .filter((block) => block.mode !== "nocheck")
    .map((block) => {
      // .mts keeps the scratch files out of the workspace's own tsconfig and test globs.
      const name = `${block.file.replace(/[^\w.-]+/g, "-")}-L${block.line}`;
      const sourceFile = join(scratchDir, `${name}.mts`);
      // `export {}` makes each block a module of its own, so two blocks may
      // both declare `client` the way a reader would.
      writeFileSync(sourceFile, `${block.code}\nexport {};\n`);
      return { block, sourceFile, outputFile: join(outDir, `${name}.mjs`), errors: [] as string[] };
    });

  const options = { ...COMPILER_OPTIONS, rootDir: scratchDir, outDir };
  const host = ts.createCompilerHost(options);
  host.getCurrentDirectory = () => scratchDir;
  const program = ts.createProgram(
    examples.map((e) => e.sourceFile),
    options,
    host,
  );
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];

  for (const diagnostic of diagnostics) {
    const example = examples.find((e) => e.sourceFile === diagnostic.file?.fileName);
    if (!example || diagnostic.start === undefined) {
      throw new Error(`The example checker is misconfigured: ${format(diagnostic)}`);
    }
    const { line, character } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
    // The block's first line is the one after the opening fence.
    const where = `${example.block.file}:${example.block.line + 1 + line}:${character + 1}`;
    example.errors.push(`${where} TS${diagnostic.code}: ${format(diagnostic)}`);
  }
  return examples.map(({ block, outputFile, errors }) => ({ block, outputFile, errors }));
}

export interface RunResult {
  exitCode: number | null;
  output: string;
}

/** Runs a compiled example with node; it passes when it exits 0. */
export function runExample(example: CheckedExample, timeoutMs = 30_000): RunResult {
  const run = spawnSync(process.execPath, [example.outputFile], {
    encoding: "utf8",
    timeout: timeoutMs,
  });
  const timedOut = run.error ? `\n(${run.error.message})` : "";
  return { exitCode: run.status, output: `${run.stdout}${run.stderr}${timedOut}` };
}

function format(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
}
