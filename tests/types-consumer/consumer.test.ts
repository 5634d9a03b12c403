// A separate TypeScript project, outside the workspace, compiles against the
// packed types package as ESM and CJS under each module resolution users pick.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");
const TYPES_DIR = new URL("../../packages/types/", import.meta.url).pathname;

let scratch: string;
let tarball: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "types-consumer-"));
  await run("npm", ["pack", "--silent", "--pack-destination", scratch], { cwd: TYPES_DIR });
  const [file] = (await readdir(scratch)).filter((name) => name.endsWith(".tgz"));
  tarball = join(scratch, file!);
}, 60_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

// The shared strict consumer: its @ts-expect-error lines fail the compile if
// the types resolved to `any`.
const CONSUMER = readFileSync(new URL("../fixtures/types-consumer.ts", import.meta.url), "utf8");

const SETUPS = [
  { name: "ESM, node16", type: "module", module: "node16", resolution: "node16", file: "index.ts" },
  {
    name: "CJS, node16",
    type: "commonjs",
    module: "node16",
    resolution: "node16",
    file: "index.ts",
  },
  {
    name: "ESM, nodenext",
    type: "module",
    module: "nodenext",
    resolution: "nodenext",
    file: "index.ts",
  },
  {
    name: "CJS, nodenext (.cts)",
    type: "module",
    module: "nodenext",
    resolution: "nodenext",
    file: "index.cts",
  },
  { name: "bundler", type: "module", module: "esnext", resolution: "bundler", file: "index.ts" },
] as const;

describe("a strict consumer project compiles against the packed types package", () => {
  test.each(SETUPS)(
    "$name",
    async (setup) => {
      const project = join(scratch, setup.name.replace(/\W+/g, "-"));
      const installed = join(project, "node_modules/@connect-payment/types");
      await mkdir(installed, { recursive: true });
      await run("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
      await writeFile(join(project, "package.json"), JSON.stringify({ type: setup.type }));
      await writeFile(join(project, setup.file), CONSUMER);
      const tsconfig = {
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          module: setup.module,
          moduleResolution: setup.resolution,
          types: [],
        },
        files: [setup.file],
      };
      await writeFile(join(project, "tsconfig.json"), JSON.stringify(tsconfig));

      const result = await run(process.execPath, [TSC, "-p", project]).then(
        () => ({ code: 0, output: "" }),
        (error: unknown) => {
          // promisify(execFile) rejects with the exit code and the output on the error.
          const failed = error as { code: number; stdout: string };
          return { code: failed.code, output: failed.stdout };
        },
      );
      expect(result).toEqual({ code: 0, output: "" });
    },
    60_000,
  );

  test("the packed package holds no JavaScript", async () => {
    const { stdout } = await run("tar", ["-tzf", tarball]);
    const files = stdout.trim().split("\n").sort();
    expect(files.filter((f) => /\.(c|m)?js$/.test(f))).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        "package/index.d.ts",
        "package/index.d.mts",
        "package/generated/openapi.d.ts",
        "package/openapi.yaml",
        "package/package.json",
      ]),
    );
  });
});
