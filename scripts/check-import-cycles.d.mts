/** The import graph of the source files under `folders`: file → files it imports. */
export function importGraph(folders: string[]): Map<string, string[]>;
/** Every cycle, each once, as the list of files around it. */
export function findCycles(graph: Map<string, string[]>): string[][];
