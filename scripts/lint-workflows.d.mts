// Types for lint-workflows.mjs, so the workflow lint test can import it.
export interface Finding {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}

export declare function lintWorkflows(files: string[]): Promise<Finding[]>;
export declare function listWorkflows(): Promise<string[]>;
