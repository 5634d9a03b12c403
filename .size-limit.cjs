// Size budgets, minified and gzipped, checked by `pnpm size` (and in CI by
// `pnpm test:all`). Each entry measures what a bundler (esbuild, for the
// browser) adds to a user's app for one import: each entry point whole, and
// the common imports alone. Run `pnpm build` first: these read dist/.
//
// The types package ships no JavaScript at all; size-limit cannot measure
// nothing, so bench/src/types-ship-no-js.mjs checks that (it runs right after
// size-limit in `pnpm size`).
// Each limit sits about 10 % above what it measured when set, so growth is a
// decision, not an accident; BENCHMARKS.md has the figures and the goals.
const client = "packages/client/dist/index.js";
const raw = "packages/client/dist/raw.js";

module.exports = [
  {
    name: "@connect-payment/client { createConnectClient } (payInvoice, listPaymentMethods, changePaymentMethod, listInvoices, getInvoiceDetails, confirmInvoicePayment)",
    path: client,
    import: "{ createConnectClient }",
    gzip: true,
    // 4.57 kB measured with List and Change payment method (+0.64 kB); see BENCHMARKS.md.
    // 5.05 kB with the hostile-input checks (path parameters, redaction and the
    // cause search without recursion, token_unavailable).
    // 7.03 kB with the Invoice section, a decision: the one call path with
    // generated descriptors (+0.29 kB over the three hand-written paths), the
    // checks the Invoice schemas need (oneOf, open objects, calendar dates:
    // +0.26 kB), listInvoices and getInvoiceDetails (+0.48 kB together), and
    // confirmInvoicePayment (+0.39 kB) with the readInvoice it reads with (+0.58 kB).
    // 7.77 kB with client mode, a decision: listClientInvoicesForProduct and
    // listClientInvoices, the array-or-object answer and the 401 that names the
    // token (+0.74 kB for the two, 0.37 kB each).
    // 7.51 kB (-0.26 kB), every check kept: each generated descriptor writes
    // its method, path and rules out instead of naming a constant for each
    // (-0.18 kB), client mode's two lists share one set of answer rules
    // (-0.02 kB), and the client reuses its own rules and helpers where it
    // had copies (the 401 that names the token, confirmInvoicePayment's
    // dates and abort, the rate-limit header reader: -0.07 kB). The limit
    // stays, about 8 % above. Issue 25's goal (4.6 kB for the first three
    // operations, +0.35 kB for each of the 6 added since: 6.7 kB) is missed
    // by 0.8 kB; BENCHMARKS.md has where the bytes go.
    // 7.54 kB (+0.03 kB): readBody collects the chunks and decodes them once
    // with one shared decoder (in memory about 1.4x the floor to 1.2x).
    limit: "8.1 kB",
  },
  {
    name: "@connect-payment/client { ConnectError }",
    path: client,
    import: "{ ConnectError }",
    gzip: true,
    // 176 B once the entry's shared chunk holds the client-mode code: the class
    // itself did not change (only its `not_found` code, a type).
    limit: "190 B",
  },
  {
    name: "@connect-payment/client, the whole entry",
    path: client,
    import: "*",
    gzip: true,
    // 4.79 kB measured with List and Change payment method (+0.71 kB); see BENCHMARKS.md.
    // 5.27 kB with the hostile-input checks; 7.26 kB with the Invoice section;
    // 9.08 kB with client mode and reconcilePayments (its rate budget, matcher
    // and checkpoint), which a back office imports and a shop's pages need not.
    // 8.76 kB with the smaller descriptors (see createConnectClient above).
    limit: "9.5 kB",
  },
  {
    name: "@connect-payment/client { readInvoice }",
    path: client,
    import: "{ readInvoice }",
    gzip: true,
    // 1.06 kB measured: the amounts, the Oslo days (Intl) and the typed error for a bad time zone.
    limit: "1.2 kB",
  },
  {
    name: "@connect-payment/client/raw { createRawClient }, with openapi-fetch",
    path: raw,
    import: "{ createRawClient }",
    gzip: true,
    // 6.39 kB, then 6.52 kB with the one URL rule shared by every package (its
    // fault codes and the client's words for each, +0.13 kB): a decision.
    limit: "6.6 kB",
  },
  {
    name: "@connect-payment/client/raw, its own code (openapi-fetch left out)",
    path: raw,
    import: "{ createRawClient }",
    gzip: true,
    ignore: ["openapi-fetch"],
    // 4.22 kB with the hostile-input checks (the raw client checks path parameters too).
    limit: "4.45 kB",
  },
  {
    name: "@connect-payment/redirect",
    path: "packages/redirect/dist/index.js",
    import: "*",
    gzip: true,
    // 2.68 kB measured with buildPaymentChangeUrl (+0.14 kB); see BENCHMARKS.md.
    limit: "2.95 kB",
  },
  {
    name: "@connect-payment/oauth, its own code (oauth4webapi left out)",
    path: "packages/oauth/dist/index.js",
    import: "*",
    gzip: true,
    ignore: ["oauth4webapi"],
    // 6.49 kB with the token source that follows its store, the refresh lease,
    // strict options, explicit endpoints, discovery, issuer checks and the wider
    // redaction (was 3.6 kB): a decision, each piece a finding of the login review.
    // 7.11 kB with createClientCredentialsSource (the merchant's own token for
    // client mode) and the one URL rule shared by every package.
    limit: "7.5 kB",
  },
  {
    name: "@connect-payment/oauth with oauth4webapi",
    path: "packages/oauth/dist/index.js",
    import: "*",
    gzip: true,
    // 12.34 kB measured with the same additions (discovery brings more of oauth4webapi).
    limit: "13.6 kB",
  },
  {
    name: "@connect-payment/oauth-redis, its own code (@connect-payment/oauth and redis left out)",
    path: "packages/oauth-redis/dist/index.js",
    import: "{ redisTokenStore }",
    gzip: true,
    ignore: ["@connect-payment/oauth", "redis"],
    // 1.93 kB measured when added (the store, its scripts, AES-GCM at rest).
    limit: "2.15 kB",
  },
];
