/** GET / — one self-contained page for a person to play the follower (no external assets). */
import { CHAT_PAGE_SCRIPT } from './chat-page-script';

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;background:#ededed;color:#191919}
header{background:#07c160;color:#fff;padding:10px 16px;display:flex;gap:16px;align-items:baseline}
header h1{font-size:17px;margin:0}header code{background:rgba(255,255,255,.25);padding:1px 5px;border-radius:4px}
main{display:grid;grid-template-columns:340px 1fr;gap:12px;padding:12px;height:calc(100vh - 44px)}
section{background:#fff;border-radius:8px;padding:10px 12px;margin-bottom:10px}
h2{font-size:13px;text-transform:uppercase;color:#888;margin:0 0 8px}
label{display:block;font-size:12px;color:#666;margin-top:6px}
input,select{width:100%;padding:6px 8px;border:1px solid #d6d6d6;border-radius:6px;font:inherit}
button{padding:6px 10px;border:0;border-radius:6px;background:#07c160;color:#fff;font:inherit;cursor:pointer}
button.secondary{background:#e5e5e5;color:#191919}.row{display:flex;gap:6px;margin-top:8px;flex-wrap:wrap}.row>input{flex:1}
#chat{display:flex;flex-direction:column;min-height:0}
#messages{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:6px;background:#f5f5f5;border-radius:8px}
.msg{max-width:70%;padding:7px 11px;border-radius:6px;white-space:pre-wrap;word-break:break-word}
.msg.in{align-self:flex-end;background:#95ec69}.msg.out{align-self:flex-start;background:#fff}
.msg img{max-width:200px;display:block}.meta{font-size:11px;opacity:.6;margin-top:2px}
.notice{align-self:center;color:#c0392b;font-size:12px;background:#fff3f3;padding:3px 8px;border-radius:4px}
#composer{display:flex;gap:6px;margin-top:8px}#composer input{flex:1}
#log{font:12px ui-monospace,monospace;max-height:220px;overflow-y:auto}.bad{color:#c0392b}.good{color:#07863f}
#status{font-size:12px;min-height:16px;margin-top:6px}
`;

export function chatPageHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>WeChat simulator</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><style>${CSS}</style></head>
<body>
<header><h1>WeChat Official Account simulator</h1><span>apiBaseUrl for Switchboard: <code id="api-base"></code></span></header>
<main>
  <div>
    <section><h2>Official Account</h2>
      <select id="account-select" aria-label="Account"></select>
      <details id="add-account"><summary>Server configuration (register or update)</summary>
        <form id="account-form">
          <label>AppID<input name="appId" required></label>
          <label>AppSecret<input name="appSecret" required></label>
          <label>URL (webhook URL from Switchboard)<input name="webhookUrl" type="url"></label>
          <label>Token (from Switchboard)<input name="token" required></label>
          <label>EncodingAESKey (from Switchboard)<input name="encodingAesKey"></label>
          <label>Message encryption<select name="mode"><option value="plain">plain (明文)</option><option value="compatible">compatible (兼容)</option><option value="safe">safe (安全)</option></select></label>
          <div class="row"><button type="submit">Submit (verifies the URL)</button></div>
        </form>
      </details>
    </section>
    <section><h2>Follower</h2>
      <select id="follower-select" aria-label="Follower"></select>
      <div class="row"><input id="follower-name" placeholder="Name" value="Li Wei"><button id="new-follower" class="secondary" type="button">New follower</button></div>
      <div class="row"><button id="follow" class="secondary" type="button">Follow</button><button id="unfollow" class="secondary" type="button">Unfollow</button>
        <button id="clock-1h" class="secondary" type="button">Clock +1 h</button><button id="clock-48h" class="secondary" type="button">Clock +48 h</button></div>
    </section>
    <section><h2>Pushes to Switchboard</h2><div id="log"></div></section>
  </div>
  <div id="chat">
    <div id="messages" aria-live="polite"></div>
    <form id="composer">
      <input id="text" placeholder="Write as the follower…" autocomplete="off">
      <button type="submit">Send</button>
      <button id="send-image" class="secondary" type="button">Image</button>
      <button id="send-location" class="secondary" type="button">Location</button>
      <button id="send-click" class="secondary" type="button">Menu: Talk to us</button>
    </form>
    <div id="status"></div>
  </div>
</main>
<script>${CHAT_PAGE_SCRIPT}</script>
</body></html>`;
}
