#!/usr/bin/env node
// Generates every file that is derived from the spec, so no package types a
// fact from the spec by hand.
//
//   node scripts/generate.mjs [target...]   write the targets (all when none given)
//   node scripts/generate.mjs --check       exit 1 if a committed file differs
//   --spec <file>                           read another spec (the drift test uses it)
//   --out <dir>                             write under another root (the added-operation test uses it)
//
// Output is formatted with the repository's prettier config, so the same spec
// always gives byte-identical files.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, join, relative, resolve as resolvePath } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import * as prettier from "prettier";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: flags, positionals: names } = parseArgs({
  allowPositionals: true,
  options: {
    check: { type: "boolean", default: false },
    spec: { type: "string" },
    out: { type: "string" },
  },
});
const specPath = flags.spec ? resolvePath(flags.spec) : join(root, "openapi/connect-payment.yaml");
const outRoot = flags.out ? resolvePath(flags.out) : root;
const HEADER = `/**
 * This file is generated from openapi/connect-payment.yaml by scripts/generate.mjs.
 * Do not edit it by hand: change the spec and run \`pnpm generate\`.
 */
`;

const specText = await readFile(specPath, "utf8");
const spec = parse(specText);

/** Each target maps an output path (relative to the root) to a function returning its text. */
const targets = {
  types: {
    "packages/types/generated/openapi.d.ts": async () =>
      HEADER + astToString(await openapiTS(pathToFileURL(specPath))),
    "packages/types/openapi.yaml": () => specText,
    "packages/types/package.json": () => typesManifest(),
  },
  client: {
    "packages/client/src/generated/spec.ts": () => clientConstants(),
  },
  redirect: {
    "packages/redirect/src/generated/spec.ts": () => redirectConstants(),
  },
  oauth: {
    "packages/oauth/src/generated/spec.ts": () => oauthConstants(),
  },
};

function schema(name) {
  const found = spec.components.schemas[name];
  if (!found) throw new Error(`The spec has no components.schemas.${name}`);
  return found;
}

function resolve(node) {
  if (!node.$ref) return node;
  return schema(node.$ref.replace("#/components/schemas/", ""));
}

const literal = (value) => JSON.stringify(value, null, 2);

// CONSTANT_CASE of a camelCase or PascalCase name: payInvoice -> PAY_INVOICE.
const constantCase = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
// A list's name: PaymentMethod -> PAYMENT_METHODS, PaymentResultStatus -> PAYMENT_RESULT_STATUSES.
const plural = (name) => constantCase(name) + (/s$/i.test(name) ? "ES" : "S");

// What the client checks of a field; a schema using any other validation
// keyword stops the generator, so no rule of the spec is silently skipped.
// An array of objects is checked item by item with the rules of its items, a
// nested object field by the rules of its properties, and a `oneOf` field
// passes when any of its branches does.
const RULE_KEYWORDS = ["type", "maxLength", "minLength", "minimum", "maximum", "enum", "format"];
const IGNORED_KEYWORDS = ["description", "examples", "example", "title", "$ref"];
const FIELD_TYPES = ["string", "integer", "number", "boolean"];
// `int64` names a width, not a rule (the bounds carry the rule); `date` is
// checked: a real calendar date written `YYYY-MM-DD` (RFC 3339 full-date).
const FORMATS = { int64: undefined, date: "date" };
// An object may say it is open (`additionalProperties: true`, the default);
// a closed or typed one would need a check the client does not make.
const OBJECT_KEYWORDS = ["type", "properties", "required", "additionalProperties"];

function assertKnownKeywords(where, node, known) {
  for (const key of Object.keys(node)) {
    if (!known.includes(key) && !IGNORED_KEYWORDS.includes(key) && !key.startsWith("x-")) {
      throw new Error(`${where}: the client cannot check "${key}"; teach scripts/generate.mjs`);
    }
  }
}

function fieldRule(where, property, required) {
  const resolved = resolve(property);
  if (resolved.oneOf) {
    assertKnownKeywords(where, resolved, ["oneOf"]);
    const branches = resolved.oneOf.map((branch, i) => {
      const rule = fieldRule(`${where}.oneOf[${i}]`, branch, true);
      delete rule.required;
      return rule;
    });
    return { required, oneOf: branches };
  }
  if (resolved.type === "array") {
    assertKnownKeywords(where, resolved, ["type", "items"]);
    const items = objectRules(`${where}[]`, resolved.items ?? {});
    if (items) return { required, type: "array", items };
    // An array of plain values (strings, numbers): each item by one rule.
    const each = fieldRule(`${where}[]`, resolved.items ?? {}, true);
    delete each.required;
    return { required, type: "array", each };
  }
  if (resolved.type === "object") {
    const fields = objectRules(where, resolved);
    return Object.keys(fields).length
      ? { required, type: "object", fields }
      : { required, type: "object" };
  }
  assertKnownKeywords(where, resolved, RULE_KEYWORDS);
  if (!FIELD_TYPES.includes(resolved.type)) {
    throw new Error(
      `${where}: type must be one of ${FIELD_TYPES.join(", ")}, object, array or oneOf`,
    );
  }
  const rule = { required };
  for (const key of RULE_KEYWORDS) if (resolved[key] !== undefined) rule[key] = resolved[key];
  if (rule.format !== undefined) {
    if (!Object.hasOwn(FORMATS, rule.format)) {
      throw new Error(
        `${where}: the client cannot check format "${rule.format}"; teach scripts/generate.mjs`,
      );
    }
    if (FORMATS[rule.format] === undefined) delete rule.format;
  }
  return rule;
}

/**
 * The rules of each field of a JSON object body, or undefined when the body is
 * no object. A body that is `oneOf` an object and arrays (a page that says
 * "array" beside a sample that is an object) is checked by the object's
 * rules: the operation turns an array answer into that object first.
 */
function bodyRules(where, content) {
  const body = content?.["application/json"]?.schema;
  const branches = body && resolve(body).oneOf;
  if (!branches) return body && objectRules(where, body);
  const objects = branches.filter((branch) => resolve(branch).type === "object");
  if (
    objects.length !== 1 ||
    branches.some((b) => !["object", "array"].includes(resolve(b).type))
  ) {
    throw new Error(
      `${where}: a oneOf body must be one object and arrays; teach scripts/generate.mjs`,
    );
  }
  return objectRules(where, objects[0]);
}

/** The rules of each property of an object schema, or undefined when it is no object. */
function objectRules(where, schemaOrRef) {
  const object = resolve(schemaOrRef);
  if (object.type !== "object") return undefined;
  assertKnownKeywords(where, object, OBJECT_KEYWORDS);
  if (object.additionalProperties !== undefined && object.additionalProperties !== true) {
    throw new Error(`${where}: the client checks open objects only (additionalProperties: true)`);
  }
  const required = object.required ?? [];
  return Object.fromEntries(
    Object.entries(object.properties ?? {}).map(([field, property]) => [
      field,
      fieldRule(`${where}.${field}`, property, required.includes(field)),
    ]),
  );
}

/** The rules of an operation's parameters in one place (`path` or `query`), or undefined when it has none. */
function parameterRules(id, parameters, where) {
  const found = parameters.filter((p) => p.in === where);
  if (!found.length) return undefined;
  return Object.fromEntries(
    found.map((p) => [
      p.name,
      fieldRule(`${id} ${where} parameter ${p.name}`, p.schema, p.required === true),
    ]),
  );
}

/** The name of the component schema a `$ref` points at, or undefined for an inline schema. */
const refName = (node) => node?.$ref?.replace("#/components/schemas/", "");

/**
 * The name of the component schema whose rules check a body: the one its
 * JSON `$ref` points at, or for a body that is `oneOf` an object and arrays,
 * the object's (two answers that read the same object share its rules).
 */
function rulesSchemaName(content) {
  const body = content?.["application/json"]?.schema;
  const objectBranch = body && resolve(body).oneOf?.find((b) => resolve(b).type === "object");
  return refName(objectBranch ?? body);
}

/**
 * Every operation of the spec, in the spec's order, as the facts of its
 * descriptor: name, method, path, the rules of its parameters and bodies,
 * and its security.
 */
function operations() {
  const found = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation?.operationId) continue;
      const id = operation.operationId;
      const parameters = operation.parameters ?? [];
      for (const p of parameters) {
        if (p.in !== "path" && p.in !== "query") {
          throw new Error(
            `${id}: the client sends no ${p.in} parameters; teach scripts/generate.mjs`,
          );
        }
      }
      const responses = Object.entries(operation.responses ?? {}).map(([status, response]) => ({
        status,
        schema: rulesSchemaName(response.content),
        rules: bodyRules(`${id} ${status} response`, response.content) ?? null,
      }));
      found.push({
        id,
        summary: operation.summary ?? id,
        path,
        method: method.toUpperCase(),
        pathRules: parameterRules(id, parameters, "path"),
        queryRules: parameterRules(id, parameters, "query"),
        bodyRules: bodyRules(`${id} request`, operation.requestBody?.content),
        responses,
        success: responses.find(({ status }) => /^2/.test(status)),
        security: operation.security ?? spec.security ?? [],
      });
    }
  }
  return found;
}

/** The component schemas that more than one answer's body names, with their rules: shared, not repeated. */
function sharedBodies(found) {
  const uses = new Map();
  for (const { responses } of found) {
    for (const { schema, rules } of responses) {
      if (schema && rules) uses.set(schema, [...(uses.get(schema) ?? []), rules]);
    }
  }
  return new Map(
    [...uses].filter(([, all]) => all.length > 1).map(([name, all]) => [name, all[0]]),
  );
}

/** The rules of a response body: the shared constant when several answers name its schema, else inline. */
const responseRules = ({ schema, rules }, shared) =>
  rules === null
    ? "null"
    : shared.has(schema)
      ? `${constantCase(schema)}_BODY_RULES`
      : literal(rules);

function sharedBodyConstants(shared) {
  return [...shared].map(
    ([schemaName, rules]) =>
      `/** The rules of each field of a \`${schemaName}\` body, which several answers share. */
const ${constantCase(schemaName)}_BODY_RULES = ${literal(rules)} as const;`,
  );
}

/**
 * An operation's descriptor: everything the client needs to call it, so no
 * hand-written file names its path or rules. Its rules live here only (one
 * object compresses far better in a bundle than a dozen variables); the path
 * also gets a constant of its own, for `raw` calls and the public
 * `PAY_INVOICE_PATH`.
 */
function operationDescriptor(op, shared) {
  const name = constantCase(op.id);
  const { summary, id } = op;
  const fields = [
    `id: ${literal(id)}`,
    `summary: ${literal(summary)}`,
    `method: ${literal(op.method)}`,
    `path: ${literal(op.path)}`,
  ];
  if (op.pathRules) fields.push(`pathRules: ${literal(op.pathRules)}`);
  if (op.queryRules) fields.push(`queryRules: ${literal(op.queryRules)}`);
  if (op.bodyRules) fields.push(`bodyRules: ${literal(op.bodyRules)}`);
  const responses = op.responses.map(
    (response) => `${literal(response.status)}: ${responseRules(response, shared)}`,
  );
  fields.push(`responses: { ${responses.join(", ")} }`, `security: ${literal(op.security)}`);
  return `/** The path of ${summary} (\`${id}\`); equal to \`${name}.path\`. */
export const ${name}_PATH = ${literal(op.path)};

/**
 * ${summary} (\`${id}\`): \`${op.method} ${op.path}\`. Its descriptor: the rules of its path
 * and query parameters and of its body (absent where it has none), the rules of each
 * response's JSON body by status (\`null\`: no JSON object body), and its security.
 */
export const ${name} = { ${fields.join(", ")} } as const;`;
}

// The schemas of the browser's return, which the redirect package emits and
// the client does not use.
const REDIRECT_SCHEMAS = { statuses: "PaymentResultStatus" };

/**
 * A constant for each named enum (the list of values) and each bounded
 * integer (its range), but the redirect package's (`REDIRECT_SCHEMAS`).
 */
function schemaConstants() {
  const redirects = Object.values(REDIRECT_SCHEMAS);
  return Object.entries(spec.components.schemas).flatMap(([name, s]) => {
    if (redirects.includes(name)) return [];
    if (s.enum) {
      return `/** Every \`${name}\`, from \`components.schemas.${name}\`. */
export const ${plural(name)} = ${literal(s.enum)} as const;`;
    }
    if (s.type === "integer" && s.minimum !== undefined && s.maximum !== undefined) {
      if (!Number.isSafeInteger(s.minimum) || !Number.isSafeInteger(s.maximum)) {
        throw new Error(`components.schemas.${name} must have safe integer bounds`);
      }
      return `/** The range of a valid \`${name}\`, from \`components.schemas.${name}\`. */
export const ${constantCase(name)} = ${literal({ minimum: s.minimum, maximum: s.maximum })} as const;`;
    }
    return [];
  });
}

function clientConstants() {
  const environments = Object.fromEntries(spec.servers.map((s) => [s["x-environment"], s.url]));
  const found = operations();
  const shared = sharedBodies(found);
  return unique(`${HEADER}
/** API servers by environment, from the spec's \`servers\`. */
export const SERVERS = ${literal(environments)} as const;

${schemaConstants().join("\n\n")}

${sharedBodyConstants(shared).join("\n\n")}

${found.map((op) => operationDescriptor(op, shared)).join("\n\n")}
`);
}

/** The text, after checking that no two constants of it share a name (an operation and a schema may collide). */
function unique(text) {
  const names = [...text.matchAll(/^(?:export )?const (\w+)/gm)].map((match) => match[1]);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length) throw new Error(`Two generated constants are named ${twice.join(", ")}`);
  return text;
}

function redirectConstants() {
  const loginServers = Object.fromEntries(
    Object.entries(spec["x-login-servers"]).map(([name, server]) => [name, server.url]),
  );
  return `${HEADER}
/** ConnectID login servers (the \`loginServer\` role), from the spec's \`x-login-servers\`. */
export const LOGIN_SERVERS = ${literal(loginServers)} as const;

/** Every documented payment result, from \`components.schemas.PaymentResultStatus\`. */
export const PAYMENT_RESULT_STATUSES = ${literal(schema(REDIRECT_SCHEMAS.statuses).enum)} as const;

${pageConstants().join("\n\n")}
`;
}

/**
 * The path of each browser page on a login server, from every top-level
 * \`x-<name>-page\` extension: \`x-pay-page\` gives \`PAY_PAGE_PATH\`.
 */
function pageConstants() {
  return Object.entries(spec)
    .filter(([key]) => /^x-[a-z-]+-page$/.test(key))
    .map(([key, page]) => {
      if (typeof page?.path !== "string" || !page.path.startsWith("/")) {
        throw new Error(`${key}.path must be a path starting with "/"`);
      }
      const name = key.slice(2).replace(/-/g, "_").toUpperCase();
      return `/** The path of the page on a login server, from the spec's \`${key}\`. */
export const ${name}_PATH = ${literal(page.path)};`;
    });
}

/**
 * The OAuth facts of the `connectId` security scheme: the login servers, the
 * endpoint paths (the scheme's URLs name one login server; every login
 * server serves the same paths under its own base), the scopes and the scope
 * the spec's operations ask for.
 */
function oauthConstants() {
  const scheme = spec.components.securitySchemes?.connectId;
  const flow = scheme?.flows?.authorizationCode;
  if (!flow) throw new Error("The spec has no connectId authorizationCode flow");
  const loginServers = Object.fromEntries(
    Object.entries(spec["x-login-servers"]).map(([name, server]) => [name, server.url]),
  );
  const pathOf = (url, what) => {
    const base = Object.values(loginServers).find((server) => url.startsWith(`${server}/`));
    if (!base) throw new Error(`connectId ${what} ${url} is under no x-login-servers URL`);
    return url.slice(base.length);
  };
  const tokenPath = pathOf(flow.tokenUrl, "tokenUrl");
  if (pathOf(flow.refreshUrl ?? flow.tokenUrl, "refreshUrl") !== tokenPath) {
    throw new Error("connectId refreshUrl must be the token endpoint");
  }
  const required = (spec.security ?? []).flatMap((requirement) => requirement.connectId ?? []);
  return `${HEADER}
/** ConnectID login servers (the \`loginServer\` role), from the spec's \`x-login-servers\`. */
export const LOGIN_SERVERS = ${literal(loginServers)} as const;

/** The authorization endpoint under a login server, from the \`connectId\` security scheme. */
export const AUTHORIZE_PATH = ${literal(pathOf(flow.authorizationUrl, "authorizationUrl"))};

/** The token endpoint (code exchange and refresh) under a login server, from the \`connectId\` security scheme. */
export const TOKEN_PATH = ${literal(tokenPath)};

/** Every scope the \`connectId\` scheme declares, with its description. */
export const SCOPES = ${literal(flow.scopes)} as const;

/** The scopes the spec's operations require (its top-level \`security\`). */
export const REQUIRED_SCOPES = ${literal([...new Set(required)])} as const;
`;
}

async function typesManifest() {
  const manifest = JSON.parse(await readFile(join(root, "packages/types/package.json"), "utf8"));
  manifest.openapi = { spec: "./openapi.yaml", version: spec.info.version };
  return JSON.stringify(manifest, null, 2);
}

async function render(file, make) {
  const text = await make();
  const options = await prettier.resolveConfig(join(root, file));
  return prettier.format(text, { ...options, filepath: join(root, file) });
}

const check = flags.check;
for (const name of names) {
  if (!targets[name]) {
    console.error(`Unknown target "${name}". Targets: ${Object.keys(targets).join(", ")}`);
    process.exit(2);
  }
}
const chosen = names.length ? names : Object.keys(targets);

const drifted = [];
for (const name of chosen) {
  for (const [file, make] of Object.entries(targets[name])) {
    const wanted = file.endsWith(".yaml") ? await make() : await render(file, make);
    const absolute = join(outRoot, file);
    const current = await readFile(absolute, "utf8").catch(() => null);
    if (current === wanted) continue;
    if (check) {
      drifted.push(file);
    } else {
      await mkdir(dirname(absolute), { recursive: true });
      await writeFile(absolute, wanted);
      console.log(`wrote ${relative(outRoot, absolute)}`);
    }
  }
}

if (check) {
  if (drifted.length) {
    console.error(
      `Generated files do not match openapi/connect-payment.yaml:\n${drifted
        .map((f) => `  - ${f}`)
        .join("\n")}\nRun \`pnpm generate\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log("Generated files match the spec.");
}
