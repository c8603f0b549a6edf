/** GET /: one self-contained page for a person to play the customer (no external assets). */
import { CHAT_PAGE_SCRIPT } from './chat-page-script';

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#efeae2;color:#111b21}
header{background:#008069;color:#fff;padding:10px 16px;display:flex;gap:16px;align-items:baseline}
header h1{font-size:17px;margin:0}header code{background:rgba(255,255,255,.2);padding:1px 5px;border-radius:4px}
main{display:grid;grid-template-columns:330px 1fr;gap:12px;padding:12px;height:calc(100vh - 44px)}
section{background:#fff;border-radius:8px;padding:10px 12px;margin-bottom:10px}
h2{font-size:13px;text-transform:uppercase;color:#667781;margin:0 0 8px}
input,select{width:100%;padding:6px 8px;border:1px solid #d1d7db;border-radius:6px;font:inherit}
button{padding:6px 10px;border:0;border-radius:6px;background:#008069;color:#fff;font:inherit;cursor:pointer}
button.secondary{background:#e9edef;color:#111b21}label{display:flex;gap:6px;align-items:center;font-size:13px;margin-top:6px}
label input{width:auto}.row{display:flex;gap:6px;margin-top:8px;flex-wrap:wrap}.row>input{flex:1}
#chat{display:flex;flex-direction:column;min-height:0}
#messages{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:6px;background:#fff;border-radius:8px}
.msg{max-width:70%;padding:7px 11px;border-radius:8px;white-space:pre-wrap;word-break:break-word}
.msg.in{align-self:flex-end;background:#d9fdd3}.msg.out{align-self:flex-start;background:#f0f2f5}
.meta{font-size:11px;color:#667781;margin-top:2px}.failed{color:#c0392b}
#composer{display:flex;gap:6px;margin-top:8px}#composer input{flex:1}
#log{font:12px ui-monospace,monospace;max-height:220px;overflow-y:auto}.bad{color:#c0392b}.good{color:#1e8e3e}
#status{font-size:12px;min-height:16px;margin-top:6px}
`;

export function chatPageHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>WhatsApp simulator</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><style>${CSS}</style></head>
<body>
<header><h1>WhatsApp simulator</h1><span>apiBaseUrl for Switchboard: <code id="api-base"></code></span></header>
<main>
  <div>
    <section><h2>Business number</h2><select id="account-select" aria-label="Business number"></select></section>
    <section><h2>Customer</h2>
      <select id="customer-select" aria-label="Customer"></select>
      <div class="row"><input id="customer-name" placeholder="Name" value="Ana Lima"><input id="customer-wa" placeholder="wa_id" aria-label="wa_id"></div>
      <div class="row"><button id="new-customer" class="secondary" type="button">New customer</button></div>
      <label><input type="checkbox" id="old-window"> Last message 25 h ago (window closed)</label>
      <label><input type="checkbox" id="not-on-wa"> Not on WhatsApp (131026)</label>
    </section>
    <section><h2>Webhook deliveries</h2><div id="log"></div></section>
  </div>
  <div id="chat">
    <div id="messages" aria-live="polite"></div>
    <form id="composer">
      <input id="text" placeholder="Write as the customer…" autocomplete="off">
      <button type="submit">Send</button>
    </form>
    <div class="row">
      <button id="send-image" class="secondary" type="button">Image</button>
      <button id="send-location" class="secondary" type="button">Location</button>
      <button id="send-button" class="secondary" type="button">Tap "Talk to agent"</button>
      <button id="send-reaction" class="secondary" type="button">👍 last reply</button>
      <button id="send-reply" class="secondary" type="button">Quote last reply</button>
    </div>
    <div id="status"></div>
  </div>
</main>
<script>${CHAT_PAGE_SCRIPT}</script>
</body></html>`;
}
