import { checkedUrl } from "@connect-payment/internal";
import { fail, type RedirectErrorRule } from "./errors.js";

// C0 and C1 controls, DEL included. The URL parser would silently drop tabs
// and newlines, so they are refused before parsing.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A non-empty string. */
export function checkRequired(field: string, value: unknown): string {
  if (typeof value !== "string" || value === "") fail(field, "required");
  return value as string;
}

/** A non-empty string without control characters or surrounding whitespace. */
export function checkText(field: string, value: unknown): string {
  const text = checkRequired(field, value);
  if (CONTROL.test(text)) fail(field, "control_character");
  if (text.trim() !== text) fail(field, "whitespace");
  return text;
}

/** An absolute https URL (http only on loopback) without user or password. */
export function checkUrl(field: string, value: unknown): URL {
  const text = checkText(field, value);
  if (/^[\\/]{2}/.test(text)) fail(field, "protocol_relative");
  const url = checkedUrl(text, { query: true, fragment: true });
  // The shared rule's faults are this package's rules, but for the name of "not a URL".
  if (typeof url == "string")
    fail(field, url == "not_url" ? "relative" : (url as RedirectErrorRule));
  return url as URL;
}

/** A positive safe integer, or a string of exactly one (digits, no leading 0), e.g. a transactionId. */
export function checkId(field: string, value: unknown): number {
  if (typeof value === "string") {
    if (!/^[1-9]\d*$/.test(value)) fail(field, "numeric_string");
    value = +value;
  }
  if (!Number.isInteger(value)) fail(field, "integer");
  const id = value as number;
  if (id <= 0) fail(field, "positive");
  if (!Number.isSafeInteger(id)) fail(field, "safe_integer");
  return id;
}
