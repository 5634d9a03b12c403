#!/usr/bin/env node
// Generates every file that is derived from the spec, so no package types a
// fact from the spec by hand.
//
//   node scripts/generate.mjs [target...]   write the targets (all when none given)
//   node scripts/generate.mjs --check       exit 1 if a committed file differs
//   --spec <file>                           read another spec (the drift test uses it)
//
// Output is formatted with the repository's prettier config, so the same spec
// always gives byte-identical files.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, join, relative, resolve as resolvePath } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import * as prettier from "prettier";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const specFlag = args.indexOf("--spec");
const specPath =
  specFlag === -1 ? join(root, "openapi/connect-payment.yaml") : resolvePath(args[specFlag + 1]);
if (specFlag !== -1) args.splice(specFlag, 2);
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

function clientConstants() {
  const environments = Object.fromEntries(spec.servers.map((s) => [s["x-environment"], s.url]));
  const [path] = Object.entries(spec.paths).find(
    ([, item]) => item.post?.operationId === "payInvoice",
  );
  const request = schema("PayInvoiceRequest");
  const rules = Object.fromEntries(
    Object.entries(request.properties).map(([field, property]) => {
      const resolved = resolve(property);
      const rule = { required: request.required.includes(field), type: resolved.type };
      if (resolved.maxLength !== undefined) rule.maxLength = resolved.maxLength;
      if (resolved.enum) rule.enum = resolved.enum;
      return [field, rule];
    }),
  );
  return `${HEADER}
/** API servers by environment, from the spec's \`servers\`. */
export const SERVERS = ${literal(environments)} as const;

/** The path of the Pay invoice operation. */
export const PAY_INVOICE_PATH = ${literal(path)};

/** Every accepted \`paymentMethod\`, from \`components.schemas.PaymentMethod\`. */
export const PAYMENT_METHODS = ${literal(schema("PaymentMethod").enum)} as const;

/** The rules of each \`PayInvoiceRequest\` field, checked before anything is sent. */
export const PAY_INVOICE_REQUEST_RULES = ${literal(rules)} as const;

/** The range of a valid \`transactionId\`, from \`components.schemas.TransactionId\`. */
export const TRANSACTION_ID = ${literal(transactionIdRange())} as const;
`;
}

function transactionIdRange() {
  const { type, minimum, maximum } = schema("TransactionId");
  if (type !== "integer" || !Number.isSafeInteger(minimum) || !Number.isSafeInteger(maximum)) {
    throw new Error("components.schemas.TransactionId must be an integer with safe bounds");
  }
  return { minimum, maximum };
}

function redirectConstants() {
  const loginServers = Object.fromEntries(
    Object.entries(spec["x-login-servers"]).map(([name, server]) => [name, server.url]),
  );
  return `${HEADER}
/** ConnectID login servers (the \`loginServer\` role), from the spec's \`x-login-servers\`. */
export const LOGIN_SERVERS = ${literal(loginServers)} as const;

/** Every documented payment result, from \`components.schemas.PaymentResultStatus\`. */
export const PAYMENT_RESULT_STATUSES = ${literal(schema("PaymentResultStatus").enum)} as const;
`;
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

const check = args.includes("--check");
const names = args.filter((a) => !a.startsWith("--"));
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
    const absolute = join(root, file);
    const current = await readFile(absolute, "utf8").catch(() => null);
    if (current === wanted) continue;
    if (check) {
      drifted.push(file);
    } else {
      await mkdir(dirname(absolute), { recursive: true });
      await writeFile(absolute, wanted);
      console.log(`wrote ${relative(root, absolute)}`);
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
