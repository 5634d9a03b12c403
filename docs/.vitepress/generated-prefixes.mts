/**
 * Where `pnpm run docs` writes the references it builds after VitePress:
 * TypeDoc's API reference and Redoc's spec reference. Shared by the config
 * (node) and the theme (browser), so it imports nothing.
 */
export const GENERATED_PREFIXES = ["/api/", "/spec/"];
