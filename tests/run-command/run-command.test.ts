// The process runner the registry test and the runtime matrix share
// (scripts/run-command.mjs), on real child processes.
import { tmpdir } from "node:os";
import { describe, expect, test } from "vitest";
import { cleanEnv, pnpmCommand, run } from "../../scripts/run-command.mjs";

const node = (code: string) => [process.execPath, ["-e", code]] as const;

describe("run", () => {
  test("resolves to the command's stdout", async () => {
    const [command, args] = node("console.log('out'); console.error('err')");
    await expect(run(command, args, { cwd: tmpdir() })).resolves.toBe("out\n");
  });

  test("runs in cwd with the extra environment", async () => {
    const [command, args] = node("console.log(process.cwd(), process.env.EXTRA)");
    const stdout = await run(command, args, { cwd: tmpdir(), env: { EXTRA: "yes" } });
    expect(stdout.trim()).toBe(`${tmpdir()} yes`);
  });

  test("fails with the command, its exit code, the folder, stdout and stderr", async () => {
    const [command, args] = node("console.log('said'); console.error('broke'); process.exit(3)");
    const failure = run(command, args, { cwd: tmpdir() });
    await expect(failure).rejects.toThrow(/^`node -e .*` failed \(3\) in /);
    await expect(failure).rejects.toThrow(/said\n\nbroke/);
  });

  test("kills a command that outlives its timeout and says so", async () => {
    const [command, args] = node("setTimeout(() => {}, 60_000)");
    await expect(run(command, args, { cwd: tmpdir(), timeoutMs: 200 })).rejects.toThrow(
      /failed \(killed after 200 ms\)/,
    );
  });
});

describe("cleanEnv", () => {
  test("drops the npm_* variables a parent pnpm sets, keeps the chosen registry", () => {
    const saved = { ...process.env };
    process.env.npm_lifecycle_event = "test";
    process.env.npm_config_registry = "https://registry.example/";
    try {
      const env = cleanEnv();
      expect(env.npm_lifecycle_event).toBeUndefined();
      expect(env.npm_config_registry).toBe("https://registry.example/");
      expect(env.npm_config_update_notifier).toBe("false");
      expect(env.PATH).toBe(process.env.PATH);
    } finally {
      process.env = saved;
    }
  });
});

describe("pnpmCommand", () => {
  test("is the pnpm running the tests, or the pinned one through npx", () => {
    const [command, args] = pnpmCommand();
    if (command === "npx") expect(args).toEqual(["--yes", expect.stringMatching(/^pnpm@/)]);
    else expect(args[0]).toMatch(/pnpm/);
  });
});
