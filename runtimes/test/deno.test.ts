import { defineMatrixRow } from "../harness/matrix-row.js";
import { deno } from "../harness/runtimes/deno.js";

defineMatrixRow(deno);
