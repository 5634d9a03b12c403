/**
 * Browsers and workerd throw "Illegal invocation" when their `fetch` runs with
 * a `this` other than the global object, as in `settings.fetch(…)`. This calls
 * the caller's fetch as a plain function, or else the global one as
 * `globalThis.fetch(…)`, looked up at each call (so a fetch patched later,
 * e.g. by a test's mock, is used).
 */
export const unboundFetch =
  (given: typeof fetch | undefined): typeof fetch =>
  (input, init) =>
    given === undefined ? globalThis.fetch(input, init) : given(input, init);
