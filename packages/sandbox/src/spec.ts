// The spec the types package ships: the sandbox reads the same file the SDK's
// types are generated from, so the two cannot drift apart.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";

export interface Spec {
  components: { schemas: Record<string, Record<string, unknown>> };
}

export function loadSpec(): Spec {
  const path = createRequire(import.meta.url).resolve("@connect-payment/types/openapi.yaml");
  return parse(readFileSync(path, "utf8")) as Spec;
}

/** `paymentMethod` → its description in the spec, e.g. `nexi` → "Nexi payment". */
export function paymentMethodLabels(spec: Spec): Record<string, string> {
  const descriptions = spec.components.schemas.PaymentMethod?.["x-enumDescriptions"];
  return (descriptions ?? {}) as Record<string, string>;
}
