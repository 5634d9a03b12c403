import { PAYMENT_RESULT_STATUSES } from "./generated/spec.js";
import { DEFAULT_STATUS_PARAM, toStatus, type PaymentReturnStatus } from "./status.js";

/** A decoded query parameter. */
export type Pair = [name: string, value: string];

/** The parameter `bindReturnUrl` adds that carries the transactionId. */
export const TRANSACTION_ID_PARAM = "cp_tx";
/** The parameter `bindReturnUrl` adds that carries the signature. */
export const SIGNATURE_PARAM = "cp_sig";

/** Decodes a raw query (without `?`) exactly as `URL.searchParams` does. */
// The leading "&" keeps URLSearchParams from dropping a leading "?" of a name.
export const decode = (raw: string): Pair[] => [...new URLSearchParams(`&${raw}`)] as Pair[];

/** A raw query cut at its first `cp_sig`. */
export interface SplitQuery {
  /** The raw text before `cp_sig` (the whole query when there is none): what is signed. */
  signed: string;
  /** `signed`, decoded. */
  bound: Pair[];
  /** The value of the first `cp_sig`, if any. */
  signature?: string;
  /** Everything after the first `cp_sig`, decoded: what ConnectID added. */
  added?: Pair[];
}

/** Cuts a raw query (without `?`) at its first `cp_sig`. */
export function splitAtSignature(raw: string): SplitQuery {
  const segments = raw.split("&");
  const at = segments.findIndex((segment) => decode(segment)[0]?.[0] === SIGNATURE_PARAM);
  if (at < 0) return { signed: raw, bound: decode(raw) };
  const signed = segments.slice(0, at).join("&");
  return {
    signed,
    bound: decode(signed),
    signature: decode(segments[at]!)[0]![1],
    added: decode(segments.slice(at + 1).join("&")),
  };
}

/** What `received` holds beyond `sent`, each sent parameter taken out once. */
export function addedTo(sent: Pair[], received: Pair[]): Pair[] {
  const left = sent.map((pair) => JSON.stringify(pair));
  return received.filter((pair) => {
    const index = left.indexOf(JSON.stringify(pair));
    if (index >= 0) left.splice(index, 1);
    return index < 0;
  });
}

/** The values of one parameter. */
export const valuesOf = (pairs: Pair[], name: string): string[] =>
  pairs.filter(([key]) => key === name).map(([, value]) => value);

const isResult = (value: string) => (PAYMENT_RESULT_STATUSES as readonly string[]).includes(value);

/**
 * The status in what ConnectID added, whatever the parameter's name: the one
 * added parameter that holds a documented result. A second name with a result,
 * the name twice, or a default-named parameter that disagrees, is
 * `"unrecognized"`; with no result anywhere the default name decides.
 */
export function addedStatus(added: Pair[]): PaymentReturnStatus {
  const names = new Set(added.filter(([, value]) => isResult(value)).map(([name]) => name));
  const [name = DEFAULT_STATUS_PARAM] = names;
  if (
    names.size > 1 ||
    (name !== DEFAULT_STATUS_PARAM && valuesOf(added, DEFAULT_STATUS_PARAM).length)
  ) {
    return "unrecognized";
  }
  return toStatus(valuesOf(added, name));
}
