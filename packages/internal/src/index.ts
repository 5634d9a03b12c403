// Shared by the published packages and bundled into each at build (tsup
// inlines this private workspace package), so none depends on it at run time.
export { assignDefined } from "./error-details.js";
export { invalidMessage, isCount, issueList, type Issue } from "./option-checks.js";
export { inputText, receivedUrl } from "./received-url.js";
export { unboundFetch } from "./unbound-fetch.js";
export {
  checkedUrl,
  isLoopbackHost,
  parseUrl,
  type UrlAllowance,
  type UrlFault,
} from "./url-rule.js";
