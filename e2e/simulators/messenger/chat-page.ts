/** GET / — one self-contained page for a person to play the customer (no external assets). */
import { CHAT_PAGE_SCRIPT } from './chat-page-script';

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#f0f2f5;color:#1c1e21}
header{background:#1877f2;color:#fff;padding:10px 16px;display:flex;gap:16px;align-items:baseline}
header h1{font-size:17px;margin:0}header code{background:rgba(255,255,255,.2);padding:1px 5px;border-radius:4px}
main{display:grid;grid-template-columns:320px 1fr;gap:12px;padding:12px;height:calc(100vh - 44px)}
section{background:#fff;border-radius:8px;padding:10px 12px;margin-bottom:10px;box-shadow:0 1px 2px rgba(0,0,0,.1)}
h2{font-size:13px;text-transform:uppercase;color:#65676b;margin:0 0 8px}
label{display:block;font-size:12px;color:#65676b;margin-top:6px}
input,select{width:100%;padding:6px 8px;border:1px solid #ccd0d5;border-radius:6px;font:inherit}
button{padding:6px 12px;border:0;border-radius:6px;background:#1877f2;color:#fff;font:inherit;cursor:pointer}
button.secondary{background:#e4e6eb;color:#1c1e21}button:disabled{opacity:.5;cursor:default}
.row{display:flex;gap:6px;margin-top:8px}.row>input{flex:1}
#chat{display:flex;flex-direction:column;min-height:0}
#messages{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:6px;background:#fff;border-radius:8px}
.msg{max-width:70%;padding:7px 11px;border-radius:16px;white-space:pre-wrap;word-break:break-word}
.msg.in{align-self:flex-end;background:#0084ff;color:#fff}.msg.out{align-self:flex-start;background:#e4e6eb}
.msg img{max-width:200px;display:block;border-radius:8px}.meta{font-size:11px;opacity:.7;margin-top:2px}
.postback{font-style:italic}#composer{display:flex;gap:6px;margin-top:8px}#composer input{flex:1}
#log{font:12px ui-monospace,monospace;max-height:200px;overflow-y:auto}.bad{color:#c0392b}.good{color:#1e8e3e}
#status{font-size:12px;min-height:16px;margin-top:6px}
`;

export function chatPageHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Messenger simulator</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><style>${CSS}</style></head>
<body>
<header><h1>Messenger simulator</h1><span>apiBaseUrl for Switchboard: <code id="api-base"></code></span></header>
<main>
  <div>
    <section><h2>Page</h2>
      <select id="page-select" aria-label="Page"></select>
      <details id="add-page"><summary>Add or update a page</summary>
        <form id="page-form">
          <label>Page id<input name="pageId" required></label>
          <label>Name<input name="name" required></label>
          <label>Page access token<input name="accessToken" required></label>
          <label>App secret<input name="appSecret" required></label>
          <label>Webhook URL (from Switchboard)<input name="webhookUrl" type="url" placeholder="http://localhost:3000/api/webhooks/..."></label>
          <label>Verify token (from Switchboard)<input name="verifyToken"></label>
          <div class="row"><button type="submit">Verify and save</button></div>
        </form>
      </details>
    </section>
    <section><h2>Customer</h2>
      <select id="customer-select" aria-label="Customer"></select>
      <div class="row"><input id="customer-name" placeholder="Name" value="Ana Lima"><button id="new-customer" class="secondary" type="button">New customer</button></div>
    </section>
    <section><h2>Webhook deliveries</h2><div id="log"></div></section>
  </div>
  <div id="chat">
    <div id="messages" aria-live="polite"></div>
    <form id="composer">
      <input id="text" placeholder="Write as the customer…" autocomplete="off">
      <button type="submit">Send</button>
      <button id="send-image" class="secondary" type="button">Send image</button>
      <button id="send-postback" class="secondary" type="button">Send postback</button>
    </form>
    <div id="status"></div>
  </div>
</main>
<script>${CHAT_PAGE_SCRIPT}</script>
</body></html>`;
}
