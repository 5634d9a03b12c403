// HTML helpers: every value that goes into a page passes through escapeHtml.
const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

export const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #eef2f7; color: #1f2937; }
  header { background: #1e3a8a; color: #fff; padding: .75rem 1.5rem; font-weight: 600; }
  main { max-width: 34rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: .75rem; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; }
  dt { color: #6b7280; }
  dd { margin: 0; }
  fieldset { border: 1px solid #d1d5db; border-radius: .5rem; margin: 1rem 0; }
  label { display: block; padding: .2rem 0; }
  select { font: inherit; }
  button, .button { font: inherit; padding: .6rem 1.2rem; border-radius: .5rem; border: 0; background: #1d4ed8; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
  .status { font-size: 1.1rem; padding: .75rem 1rem; border-radius: .5rem; background: #f3f4f6; }
  .status.problem { background: #fee2e2; }
  .note { color: #6b7280; font-size: .9rem; }
  code { background: #f3f4f6; padding: 0 .25rem; border-radius: .25rem; }
`;

/** A whole page; `body` must already be escaped HTML. */
export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Demo News</title><style>${STYLE}</style></head>
<body>
<header>Demo News · a merchant using the Connect payment SDK</header>
<main>${body}</main>
</body>
</html>`;
}
