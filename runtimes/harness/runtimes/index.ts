// Every row of the matrix; a new runtime is a file here and a test file in test/.
import { bun } from "./bun.js";
import { chromium } from "./chromium.js";
import { deno } from "./deno.js";
import { edge } from "./edge.js";
import { node } from "./node.js";
import { workerd } from "./workerd.js";

export const RUNTIMES = [node, deno, bun, workerd, edge, chromium];
