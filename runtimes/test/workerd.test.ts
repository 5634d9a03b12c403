import { defineMatrixRow } from "../harness/matrix-row.js";
import { workerd } from "../harness/runtimes/workerd.js";

defineMatrixRow(workerd);
