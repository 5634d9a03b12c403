/**
 * Where `pnpm run docs` writes the reference it builds after VitePress, as a
 * page of its own: Redoc's spec reference. (The API reference is pages of the
 * site itself.) Shared by the config (node) and the theme (browser), so it
 * imports nothing.
 */
export const GENERATED_PREFIXES = ["/spec/"];
