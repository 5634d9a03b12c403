// The README checker itself: it must find blocks where they are, catch a broken
// example at its README line, and fail an example that does not run.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkExamples, runExample } from "./check-examples.js";
import { extractBlocks } from "./markdown-blocks.js";

const scratch = join(import.meta.dirname, ".examples", "checker");

const markdown = [
  "# Example", //                                             1
  "", //                                                      2
  "```ts", //                                                 3
  'import { buildInvoicePaymentUrl } from "@connect-payment/redirect";', // 4
  "const url: number = buildInvoicePaymentUrl({", //          5
  '  loginServer: "https://login.example",', //               6
  "});", //                                                   7
  "```", //                                                   8
  "", //                                                      9
  "```ts run", //                                             10
  'import { PAYMENT_METHODS } from "@connect-payment/client";', // 11
  'if (!PAYMENT_METHODS.includes("nexi")) process.exit(3);', // 12
  "```", //                                                   13
  "", //                                                      14
  "```ts run", //                                             15
  'throw new Error("this example is broken");', //            16
  "```", //                                                   17
  "", //                                                      18
  "```ts nocheck", //                                         19
  "client.payInvoice(…)", //                                  20
  "```", //                                                   21
  "", //                                                      22
  "````md", //                                                23
  "```ts", //                                                 24
  "not a block of this file, but text inside another block", // 25
  "```", //                                                   26
  "````", //                                                  27
  "```sh", //                                                 28
  "npm i @connect-payment/client", //                         29
  "```", //                                                   30
].join("\n");

describe("extracting blocks", () => {
  const blocks = extractBlocks(markdown, "EXAMPLE.md");

  test("finds the ts blocks with their fence line and mode, and nothing else", () => {
    expect(blocks.map(({ line, mode }) => ({ line, mode }))).toEqual([
      { line: 3, mode: "check" },
      { line: 10, mode: "run" },
      { line: 15, mode: "run" },
      { line: 19, mode: "nocheck" },
    ]);
    expect(blocks[1]!.code).toContain("PAYMENT_METHODS");
  });
});

describe("checking blocks", () => {
  const blocks = extractBlocks(markdown, "EXAMPLE.md");
  const examples = checkExamples(blocks, scratch);

  test("a nocheck block is left out", () => {
    expect(examples.map((e) => e.block.line)).toEqual([3, 10, 15]);
  });

  test("a broken example fails at its README line, naming the problem", () => {
    const errors = examples[0]!.errors;
    // Missing options on line 5, and a string assigned to a number on line 5.
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.startsWith("EXAMPLE.md:5:"))).toBe(true);
    expect(errors.join("\n")).toMatch(/TS2322|TS2345|TS2739|TS2740/);
  });

  test("a good example compiles and runs", () => {
    expect(examples[1]!.errors).toEqual([]);
    expect(runExample(examples[1]!).exitCode).toBe(0);
  });

  test("an example that throws fails the run with its output", () => {
    expect(examples[2]!.errors).toEqual([]);
    const run = runExample(examples[2]!);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain("this example is broken");
  });
});
