// The facts of the spec that code must never type by hand, and a finder for
// literal copies of them in a file's text. Code takes these facts from the
// spec (`openapi/fixtures.mjs`) or from the generated constants the packages
// export; a hand-typed copy silently goes stale when the spec changes.
import { spec } from "../../openapi/fixtures.mjs";

/** One fact: what it is (for reports and the allow-list) and how to find it. */
export interface Fact {
  label: string;
  pattern: RegExp;
  whole?: string[];
}

/** One literal copy of a fact: where it is and which fact. */
export interface Copy {
  file: string;
  line: number;
  fact: string;
  text: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A literal, not glued to a longer word: `7435367` is not found in `17435367`.
 * A path is also found as written in a regular expression (`\/v1\/api`) and
 * in a JSON pointer (`~1v1~1api`).
 */
function literal(text: string): RegExp {
  const before = /^\w/.test(text) ? "(?<!\\w)" : "";
  const after = /\w$/.test(text) ? "(?!\\w)" : "";
  const forms = text.startsWith("/")
    ? [text, text.replaceAll("/", "\\/"), text.replaceAll("/", "~1")]
    : [text];
  return new RegExp(`${before}(?:${forms.map(escape).join("|")})${after}`, "g");
}

/**
 * Short or plain lower-case words ("success", "finished") are ordinary
 * language, not a copy of the spec; everything else of 6+ characters is.
 */
const distinctive = (value: string) => value.length >= 6 && !/^[a-z]+$/.test(value);

// A protocol's word that the spec only quotes: RFC 6750's error code belongs
// to OAuth, and OAuth code names it without reading this spec.
const NOT_THE_SPECS = new Set(["invalid_token"]);

/**
 * The enum's values in a row, quoted or not, separated by commas or `|`: an
 * array, a union type or an error message's list. Only a run holding every
 * value is a copy of the list; a subset (the statuses worth a retry) is a
 * decision of the code's own.
 */
function enumRun(values: string[]): RegExp {
  const value = `["'\`]?(?:${values.map(escape).join("|")})(?!\\w)["'\`]?`;
  const separator = String.raw`\s*[,|]\s*`;
  return new RegExp(`(?<!\\w)${value}(?:${separator}${value})+`, "g");
}

/** Every scalar in an example value, as text. */
function scalars(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === "object") return Object.values(value).flatMap(scalars);
  return [String(value)];
}

interface Operation {
  parameters?: { schema?: { examples?: unknown[] } }[];
}
interface Media {
  examples?: Record<string, { value: unknown }>;
}
interface Body {
  content?: Record<string, Media>;
}

/** The example values of an operation: its bodies' and its parameters'. */
function operationExamples(
  operation: Operation & { requestBody?: Body; responses?: Record<string, Body> },
) {
  const bodies = [operation.requestBody, ...Object.values(operation.responses ?? {})];
  const media = bodies.flatMap((body) => Object.values(body?.content ?? {}));
  return [
    ...media.flatMap((entry) =>
      Object.values(entry.examples ?? {}).map((example) => example.value),
    ),
    ...(operation.parameters ?? []).flatMap((parameter) => parameter.schema?.examples ?? []),
  ];
}

/** Every fact of the spec that code must not type: paths, server URLs, example values, enum lists. */
export function specFacts(): Fact[] {
  const facts: Fact[] = [];
  const paths = Object.keys(spec.paths as object);
  for (const path of paths) {
    facts.push({ label: `path ${path}`, pattern: literal(path) });
    const prefix = path.split("{")[0]!;
    if (prefix !== path) facts.push({ label: `path prefix ${prefix}`, pattern: literal(prefix) });
  }
  const pages = [spec["x-pay-page"], spec["x-payment-change-page"]] as { path: string }[];
  for (const page of pages) {
    facts.push({ label: `page path ${page.path}`, pattern: literal(page.path) });
  }
  const servers = [...spec.servers, ...Object.values(spec["x-login-servers"] as object)];
  for (const { url } of servers as { url: string }[]) {
    facts.push({ label: `server ${url}`, pattern: literal(url) });
  }
  const operations = Object.values(spec.paths as Record<string, Record<string, Operation>>).flatMap(
    (item) => Object.values(item),
  );
  const values = new Set(
    operations.flatMap((operation) => operationExamples(operation).flatMap(scalars)),
  );
  for (const value of values) {
    if (distinctive(value) && !NOT_THE_SPECS.has(value)) {
      facts.push({ label: `example ${JSON.stringify(value)}`, pattern: literal(value) });
    }
  }
  for (const [name, schema] of Object.entries(
    spec.components.schemas as Record<string, { enum?: string[] }>,
  )) {
    if (!schema.enum || schema.enum.length < 2) continue;
    facts.push({ label: `enum ${name}`, pattern: enumRun(schema.enum), whole: schema.enum });
  }
  return facts;
}

// A comment documents, like a README: prose may name a path. Code may not.
const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line);

/** The literal copies of the facts in one file's text, with their line numbers. */
export function findCopies(file: string, text: string, facts: Fact[]): Copy[] {
  const lines = text.split("\n");
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  const copies: Copy[] = [];
  for (const fact of facts) {
    for (const match of text.matchAll(fact.pattern)) {
      if (
        fact.whole &&
        !fact.whole.every((value) => new RegExp(`(?<!\\w)${escape(value)}(?!\\w)`).test(match[0]))
      ) {
        continue;
      }
      const line = lineAt(match.index);
      const source = lines[line - 1] ?? "";
      if (isComment(source)) continue;
      copies.push({ file, line, fact: fact.label, text: source.trim() });
    }
  }
  return copies.sort((a, b) => a.line - b.line);
}
