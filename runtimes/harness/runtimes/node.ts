import { runProgram, type Runtime } from "../runtime.js";

/** The Node.js that runs the tests, as a separate process on the installed packages. */
export const node: Runtime = {
  id: "node",
  name: "Node.js",
  version: () => process.version,
  neverSentRecognised: true,
  run: (matrix, env) => runProgram(matrix, env, process.execPath, []),
};
