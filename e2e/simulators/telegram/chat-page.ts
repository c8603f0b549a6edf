/** GET / — one self-contained page for a person to play Telegram users (no external assets). */
import { CHAT_PAGE_SCRIPT } from './chat-page-script';

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#e6ebee;color:#222}
header{background:#2aabee;color:#fff;padding:10px 16px;display:flex;gap:16px;align-items:baseline}
header h1{font-size:17px;margin:0}header code{background:rgba(255,255,255,.25);padding:1px 5px;border-radius:4px}
main{display:grid;grid-template-columns:330px 1fr;gap:12px;padding:12px;height:calc(100vh - 44px)}
section{background:#fff;border-radius:8px;padding:10px 12px;margin-bottom:10px}
h2{font-size:13px;text-transform:uppercase;color:#707579;margin:0 0 8px}
label{display:block;font-size:12px;color:#707579;margin-top:6px}
input,select{width:100%;padding:6px 8px;border:1px solid #dadce0;border-radius:6px;font:inherit}
button{padding:6px 10px;border:0;border-radius:6px;background:#2aabee;color:#fff;font:inherit;cursor:pointer}
button.secondary{background:#e4e6eb;color:#222}.row{display:flex;gap:6px;margin-top:8px;flex-wrap:wrap}.row>input{flex:1}
#chat{display:flex;flex-direction:column;min-height:0}
#messages{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:6px;background:#fff;border-radius:8px}
.msg{max-width:70%;padding:7px 11px;border-radius:12px;white-space:pre-wrap;word-break:break-word}
.msg.in{align-self:flex-end;background:#effdde}.msg.out{align-self:flex-start;background:#f1f1f4}
.msg img{max-width:220px;display:block;border-radius:8px}.meta{font-size:11px;color:#707579;margin-top:2px}
.kb{display:flex;gap:4px;margin-top:6px;flex-wrap:wrap}.kb button{background:#fff;color:#2aabee;border:1px solid #2aabee}
.service{align-self:center;background:#d9e6ee;font-size:12px}#composer{display:flex;gap:6px;margin-top:8px}#composer input{flex:1}
#log{font:12px ui-monospace,monospace;max-height:220px;overflow-y:auto}.bad{color:#c0392b}.good{color:#1e8e3e}
#status{font-size:12px;min-height:16px;margin-top:6px}a.edit{font-size:11px;margin-left:6px;cursor:pointer;color:#2aabee}
`;

export function chatPageHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Telegram simulator</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><style>${CSS}</style></head>
<body>
<header><h1>Telegram simulator</h1><span>apiBaseUrl for Switchboard: <code id="api-base"></code></span></header>
<main>
  <div>
    <section><h2>Bot</h2>
      <select id="bot-select" aria-label="Bot"></select>
      <div id="webhook" class="meta"></div>
      <details id="add-bot"><summary>Register a bot</summary>
        <form id="bot-form">
          <label>Bot token<input name="token" required></label>
          <label>Username (ends in "bot")<input name="username" required></label>
          <label>Name<input name="firstName" value="Support Bot"></label>
          <div class="row"><button type="submit">Register</button></div>
        </form>
      </details>
    </section>
    <section><h2>Chat</h2>
      <select id="chat-select" aria-label="Chat"></select>
      <div class="row"><input id="first-name" placeholder="First name" value="Ana"><input id="last-name" placeholder="Last name" value="Lima"></div>
      <div class="row"><button id="new-user" class="secondary" type="button">New user</button>
        <input id="group-title" placeholder="Group title"><button id="new-group" class="secondary" type="button">New group</button></div>
      <div class="row"><button id="block" class="secondary" type="button">Block / unblock bot</button>
        <button id="migrate" class="secondary" type="button">Upgrade to supergroup</button></div>
    </section>
    <section><h2>Webhook deliveries</h2><div id="log"></div></section>
  </div>
  <div id="chat">
    <div id="messages" aria-live="polite"></div>
    <form id="composer">
      <input id="text" placeholder="Write as the user… (emoji welcome 👋)" autocomplete="off">
      <button type="submit">Send</button>
      <button id="send-photo" class="secondary" type="button">Photo</button>
      <button id="send-document" class="secondary" type="button">Document</button>
      <button id="send-voice" class="secondary" type="button">Voice</button>
      <button id="send-location" class="secondary" type="button">Location</button>
    </form>
    <div id="status"></div>
  </div>
</main>
<script>${CHAT_PAGE_SCRIPT}</script>
</body></html>`;
}
