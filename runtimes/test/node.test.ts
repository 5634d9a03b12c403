import { defineMatrixRow } from "../harness/matrix-row.js";
import { node } from "../harness/runtimes/node.js";

defineMatrixRow(node);
