// Lists the functions a published package exports (from the entry points its
// package.json `exports` names), with whether their doc comment has an
// `@example`: what a user sees on the function's page of the API reference.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface ExportedFunction {
  /** `@connect-payment/oauth` or `@connect-payment/client/raw`. */
  importPath: string;
  name: string;
  /** Where it is declared, `packages/oauth/src/login.ts:42`. */
  where: string;
  hasExample: boolean;
}

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, unknown>;
}

/** The packages under packages/ that are published (not `private`), by folder. */
export function publishedPackages(root: string): string[] {
  return readdirSync(join(root, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((dir) => {
      const manifest = join(root, "packages", dir, "package.json");
      return existsSync(manifest) && !readManifest(manifest).private;
    })
    .sort();
}

/** Each `exports` subpath that has TypeScript source: "." is src/index.ts, "./raw" src/raw.ts. */
export function entryPoints(root: string, dir: string): { importPath: string; file: string }[] {
  const manifest = readManifest(join(root, "packages", dir, "package.json"));
  return Object.keys(manifest.exports ?? { ".": null }).flatMap((subpath) => {
    const base = subpath === "." ? "index" : subpath.replace(/^\.\//, "");
    const file = join(root, "packages", dir, "src", `${base}.ts`);
    if (!existsSync(file)) return [];
    const importPath = subpath === "." ? manifest.name : `${manifest.name}/${base}`;
    return [{ importPath, file }];
  });
}

export function exportedFunctions(root: string, dirs: string[]): ExportedFunction[] {
  const entries = dirs.flatMap((dir) => entryPoints(root, dir));
  const program = ts.createProgram(
    entries.map((entry) => entry.file),
    {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      noEmit: true,
      skipLibCheck: true,
    },
  );
  const checker = program.getTypeChecker();
  return entries.flatMap(({ importPath, file }) => {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${file} is not a module the checker can read`);
    return checker.getExportsOfModule(module).flatMap((exported) => {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.find(isFunction);
      if (!declaration) return [];
      const at = declaration.getSourceFile();
      const line = at.getLineAndCharacterOfPosition(declaration.getStart()).line + 1;
      return [
        {
          importPath,
          name: exported.name,
          where: `${relative(root, at.fileName).split("\\").join("/")}:${line}`,
          hasExample: ts
            .getJSDocTags(documented(declaration))
            .some((tag) => tag.tagName.text === "example"),
        },
      ];
    });
  });
}

/** `export function f()` or `export const f = (…) => …` / `function (…) {…}`. */
function isFunction(node: ts.Declaration): boolean {
  if (ts.isFunctionDeclaration(node)) return true;
  if (!ts.isVariableDeclaration(node) || !node.initializer) return false;
  return ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer);
}

/** A `const`'s comment sits on its statement, not on the declaration. */
function documented(node: ts.Declaration): ts.Node {
  return ts.isVariableDeclaration(node) ? node.parent.parent : node;
}

function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, "utf8")) as Manifest;
}
