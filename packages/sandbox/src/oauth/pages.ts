// The sign-in page of the sandbox's login server. Every value is escaped.
import { escapeHtml as e } from "../http.js";
import type { SandboxCustomer } from "./options.js";

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f3f4f6; color: #111827; }
  .banner { background: #fde68a; padding: .5rem 1rem; text-align: center; font-size: .9rem; }
  main { max-width: 30rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: .75rem; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  .buttons { display: flex; flex-direction: column; gap: .5rem; margin-top: 1rem; }
  button { font: inherit; padding: .5rem 1rem; border-radius: .5rem; border: 1px solid #d1d5db; background: #fff; cursor: pointer; text-align: left; }
  button.primary { background: #047857; border-color: #047857; color: #fff; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title><style>${STYLE}</style></head>
<body>
<div class="banner">Sandbox: a local stand-in for the ConnectID login. No real accounts.</div>
<main>${body}</main>
</body>
</html>`;
}

export function signInPage(options: {
  action: string;
  requestId: string;
  clientId: string;
  scope: string;
  customers: readonly SandboxCustomer[];
}): string {
  const customers = options.customers
    .map(
      (customer, index) =>
        `<button type="submit" name="customer" value="${e(customer.id)}" data-testid="login-as-${e(customer.id)}"${
          index === 0 ? ' class="primary"' : ""
        }>Log in as ${e(customer.name)}</button>`,
    )
    .join("\n    ");
  return layout(
    "Log in with ConnectID",
    `<h1 data-testid="login-title">Log in with ConnectID</h1>
<p><strong data-testid="login-client-id">${e(options.clientId)}</strong> asks to act for you (scope <code>${e(options.scope)}</code>).</p>
<form method="post" action="${e(options.action)}" data-testid="login-form">
  <input type="hidden" name="request" value="${e(options.requestId)}">
  <div class="buttons">
    ${customers}
    <button type="submit" name="decision" value="deny" data-testid="login-deny">Deny</button>
  </div>
</form>`,
  );
}

export function loginProblemPage(title: string, detail: string): string {
  return layout(title, `<h1>${e(title)}</h1><p data-testid="problem">${e(detail)}</p>`);
}
