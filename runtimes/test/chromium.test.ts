import { defineMatrixRow } from "../harness/matrix-row.js";
import { chromium } from "../harness/runtimes/chromium.js";

defineMatrixRow(chromium);
