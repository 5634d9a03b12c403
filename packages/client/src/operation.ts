import { invalid } from "./errors.js";
import { parseJson } from "./json.js";
import type { Settings } from "./options.js";
import { fillPath, pathIssues } from "./path-parameters.js";
import { send, type Received } from "./send.js";
import { isObject, issuesOf, type Rules } from "./validate.js";

/** What the client needs of an operation: a descriptor the generator writes from the spec. */
export interface Descriptor {
  /** The operation's summary, naming it in errors ("Pay invoice"). */
  readonly summary: string;
  readonly method: string;
  /** The path template, e.g. `/v1/product/payment/{productCode}`. */
  readonly path: string;
  readonly pathRules?: Rules;
  readonly queryRules?: Rules;
  /** Absent: the operation sends no body. */
  readonly bodyRules?: Rules;
  /** The rules of each answer's JSON body by status; `null` for none. */
  readonly responses: Readonly<Record<string, Rules | null>>;
}

/** One call's values: path and query parameters, the body, and the caller's signal. */
export interface CallInput {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** The body's rules when the caller changed them (an unlisted payment method). */
  bodyRules?: Rules;
  signal?: AbortSignal | undefined;
}

/** An answer that met its rules: its JSON object, and the response to fail with. */
export interface Answer<Body> {
  body: Body;
  received: Received;
}

/**
 * The query string of the values the rules name, in the rules' order. A
 * `false` flag is left out: the provider's pages show flags as a bare name
 * (`?unpaid`), so whether it reads the value or the presence is not said.
 */
function queryOf(rules: Rules, values: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const name in rules) {
    const value = values[name];
    if (value === undefined || value === false) continue;
    // Checked by the rules first: a string, a number or `true`.
    pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value as string)}`);
  }
  return pairs.length ? `?${pairs.join("&")}` : "";
}

/**
 * The one call path of every operation: checks the path and query parameters
 * and the body against the descriptor's rules (every broken field at once,
 * nothing sent), fills the path safely, sends through `send`, and resolves
 * the answer only when it is a JSON object meeting the success rules.
 * What an answer means beyond that is the operation's own.
 */
export function operation(settings: Settings, descriptor: Descriptor) {
  const { summary, method, path, pathRules, queryRules, bodyRules } = descriptor;
  const success = Object.keys(descriptor.responses).find((status) => status.startsWith("2"));
  const answerRules = (success === undefined ? null : descriptor.responses[success]) ?? {};
  const headers = bodyRules
    ? { "content-type": "application/json", ...settings.headers }
    : settings.headers;
  const fixedUrl = pathRules ? undefined : settings.baseUrl + path;

  return async <Body>(input: CallInput): Promise<Answer<Body>> => {
    const values = input.path ?? {};
    const issues = pathRules ? issuesOf(pathRules, values) : [];
    if (pathRules) issues.push(...pathIssues(values, issues));
    if (queryRules) issues.push(...issuesOf(queryRules, input.query));
    const rules = input.bodyRules ?? bodyRules;
    if (rules) issues.push(...issuesOf(rules, input.body));
    if (issues.length) throw invalid(`${summary} request`, issues);
    const url =
      (fixedUrl ?? settings.baseUrl + fillPath(path, values as Record<string, string>)) +
      (queryRules ? queryOf(queryRules, input.query ?? {}) : "");
    const received = await send(settings, {
      url,
      method,
      headers,
      body: rules ? JSON.stringify(input.body) : null,
      signal: input.signal,
    });
    if (!received.response.ok) throw received.fail();
    const parsed = parseJson(received.text);
    // No object, or fields that break the spec's rules: the answer cannot be
    // trusted at all, not even to say the operation did not happen.
    if (!isObject(parsed) || issuesOf(answerRules, parsed).length) {
      throw received.fail("unexpected_response");
    }
    return { body: parsed as Body, received };
  };
}
