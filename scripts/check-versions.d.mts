// Types for check-versions.mjs, so the release tests can import it.
export declare const PUBLISHED_PACKAGES: readonly string[];

export interface Manifest {
  name: string;
  version: string;
  [field: string]: unknown;
}
export interface ReleaseFiles {
  manifests: Manifest[];
  changesetConfig: { fixed?: string[][] };
}

export declare function loadReleaseFiles(root?: string): ReleaseFiles;
export declare function checkVersions(files: ReleaseFiles): string[];
