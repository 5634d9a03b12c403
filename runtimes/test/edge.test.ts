import { defineMatrixRow } from "../harness/matrix-row.js";
import { edge } from "../harness/runtimes/edge.js";

defineMatrixRow(edge);
