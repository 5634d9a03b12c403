import { defineMatrixRow } from "../harness/matrix-row.js";
import { bun } from "../harness/runtimes/bun.js";

defineMatrixRow(bun);
