// The freshness check of the dist test must catch a source newer than the build.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { staleInputs } from "../helpers/stale.js";

const folder = mkdtempSync(join(tmpdir(), "client-stale-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const file = (name: string, seconds: number) => {
  const path = join(folder, name);
  writeFileSync(path, name);
  utimesSync(path, seconds, seconds);
  return path;
};

test("a source changed after the build is reported; older ones are not", () => {
  const built = file("index.js", 2_000);
  const older = file("old.ts", 1_000);
  const newer = file("new.ts", 3_000);
  expect(staleInputs([built], [older, newer])).toEqual([newer]);
  expect(staleInputs([built], [older])).toEqual([]);
});
