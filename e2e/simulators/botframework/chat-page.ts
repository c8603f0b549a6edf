/** GET / — one self-contained page for a person to play the Teams user (no external assets). */
import { CHAT_PAGE_SCRIPT } from './chat-page-script';

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#f5f5f5;color:#242424}
header{background:#5b5fc7;color:#fff;padding:10px 16px}header h1{font-size:17px;margin:0}
main{display:grid;grid-template-columns:320px 1fr;gap:12px;padding:12px;height:calc(100vh - 44px)}
section{background:#fff;border-radius:8px;padding:10px 12px;margin-bottom:10px;box-shadow:0 1px 2px rgba(0,0,0,.1)}
h2{font-size:13px;text-transform:uppercase;color:#616161;margin:0 0 8px}label{display:block;font-size:12px;color:#616161;margin-top:6px}
input,select{width:100%;padding:6px 8px;border:1px solid #d1d1d1;border-radius:6px;font:inherit}
button{padding:6px 12px;border:0;border-radius:6px;background:#5b5fc7;color:#fff;font:inherit;cursor:pointer}
button.secondary{background:#e0e0e0;color:#242424}.row{display:flex;gap:6px;margin-top:8px;flex-wrap:wrap}
#chat{display:flex;flex-direction:column;min-height:0}
#messages{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:6px;background:#fff;border-radius:8px}
.msg{max-width:70%;padding:7px 11px;border-radius:8px;white-space:pre-wrap;word-break:break-word}
.msg.in{align-self:flex-end;background:#e8ebfa}.msg.out{align-self:flex-start;background:#f0f0f0}
.meta{font-size:11px;color:#616161;margin-top:2px}.bad{color:#c4314b}.good{color:#237b4b}
#composer{display:flex;gap:6px;margin-top:8px}#composer input[type=text]{flex:1}#status{font-size:12px;min-height:16px;margin-top:6px}
`;

export function chatPageHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bot Framework simulator</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><style>${CSS}</style></head>
<body>
<header><h1>Bot Framework simulator (Teams)</h1></header>
<main>
  <div>
    <section><h2>Bot</h2>
      <select id="bot-select" aria-label="Bot"></select>
      <details id="add-bot"><summary>Register or update a bot</summary>
        <form id="bot-form">
          <label>Microsoft App ID<input name="appId" required></label>
          <label>App password<input name="password" required></label>
          <label>Tenant ID<input name="tenantId" required></label>
          <label>Bot name<input name="name" value="SupportBot" required></label>
          <label>Messaging endpoint (Switchboard's webhook URL)<input name="messagingEndpoint" type="url"></label>
          <div class="row"><button type="submit">Save</button></div>
        </form>
      </details>
    </section>
    <section><h2>Conversation</h2>
      <select id="conversation-select" aria-label="Conversation"></select>
      <label>New conversation as<input id="user-name" value="Megan Bowen"></label>
      <div class="row"><button id="new-conversation" class="secondary" type="button">Start chat as this user</button>
        <button id="install" class="secondary" type="button">Install</button><button id="uninstall" class="secondary" type="button">Uninstall</button></div>
    </section>
    <section><h2>Connector setup</h2><div id="info" class="meta"></div></section>
  </div>
  <div id="chat">
    <div id="messages" aria-live="polite"></div>
    <form id="composer">
      <input id="text" type="text" placeholder="Write as the Teams user…" autocomplete="off">
      <label style="margin:0;display:flex;align-items:center;gap:4px;width:auto"><input id="mention" type="checkbox" style="width:auto">@bot</label>
      <button type="submit">Send</button>
      <button id="send-card" class="secondary" type="button">Submit card</button>
      <button id="send-image" class="secondary" type="button">Send image</button>
    </form>
    <div id="status"></div>
  </div>
</main>
<script>${CHAT_PAGE_SCRIPT}</script>
</body></html>`;
}
