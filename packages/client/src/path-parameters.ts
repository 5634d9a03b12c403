/**
 * A path template (`/v1/product/payment/{productCode}`) with each `{name}`
 * replaced by its value, percent-encoded so a value can never add a segment
 * or a query. Call it only with values already checked by the path rules.
 */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
}
