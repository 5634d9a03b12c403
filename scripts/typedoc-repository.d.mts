import type { ProjectReflection } from "typedoc";
export declare function importPathOf(root: string, name: string): string | undefined;
export declare function nameModulesByImportPath(project: ProjectReflection, root: string): void;
export declare function linkSourcesToRepository(
  project: ProjectReflection,
  root: string,
  template: string,
  revision: string,
): void;
