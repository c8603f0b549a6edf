/**
 * Browser script of the chat page (plain ES2020, no template literals so it can live in this string).
 * All user data is rendered with textContent, never innerHTML.
 */
export const CHAT_PAGE_SCRIPT = String.raw`
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var state = { bot: null, bots: [], chatId: null, chats: [], user: null };

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function status(text, bad) { var s = $('status'); s.textContent = text; s.className = bad ? 'bad' : 'good'; }
  function time(s) { return new Date(s * 1000).toLocaleTimeString(); }
  function userId() { return 1000000000 + Math.floor(Math.random() * 6999999999); }

  function api(method, path, body) {
    return fetch(path, { method: method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().then(function (data) { if (!r.ok) throw new Error(data.error || data.description || r.statusText); return data; }); });
  }
  function bot() { return state.bots.filter(function (b) { return b.username === state.bot; })[0]; }
  function chat() { return state.chats.filter(function (c) { return c.id === state.chatId; })[0]; }

  function fill(select, items, value) {
    select.replaceChildren();
    items.forEach(function (i) { var o = el('option', '', i.text); o.value = i.value; select.appendChild(o); });
    if (value != null) select.value = String(value);
  }

  function loadBots() {
    return api('GET', '/_sim/bots').then(function (bots) {
      state.bots = bots;
      if (!state.bot && bots.length) state.bot = bots[0].username;
      if (!bots.length) $('add-bot').open = true;
      fill($('bot-select'), bots.map(function (b) { return { value: b.username, text: '@' + b.username }; }), state.bot);
      var b = bot();
      $('webhook').textContent = b ? (b.webhookUrl ? 'Webhook: ' + b.webhookUrl : 'No webhook set (Switchboard calls setWebhook)') + ' · pending ' + b.pendingUpdateCount + (b.lastErrorMessage ? ' · last error: ' + b.lastErrorMessage : '') : '';
    });
  }

  function loadChats() {
    if (!state.bot) return Promise.resolve();
    return api('GET', '/_sim/chats?bot=' + state.bot).then(function (chats) {
      state.chats = chats.filter(function (c) { return !c.migratedTo; });
      if (state.chatId == null && state.chats.length) state.chatId = state.chats[0].id;
      var items = state.chats.map(function (c) { return { value: c.id, text: (c.title || c.name || 'private') + ' (' + c.id + ')' + (c.blocked ? ' – bot blocked' : '') }; });
      if (state.user && !state.chats.some(function (c) { return c.id === state.user.id; }) && state.chatId === state.user.id) items.push({ value: state.user.id, text: state.user.firstName + ' (new)' });
      fill($('chat-select'), items, state.chatId);
    });
  }

  function fileImage(fileId, box) {
    var token = bot().token; var img = el('img'); img.alt = 'photo'; box.appendChild(img);
    api('GET', '/bot' + token + '/getFile?file_id=' + encodeURIComponent(fileId)).then(function (r) { img.src = '/file/bot' + token + '/' + r.result.file_path; });
  }

  function renderMessage(item) {
    var m = item.message;
    var service = m.migrate_to_chat_id || m.migrate_from_chat_id;
    var box = el('div', 'msg ' + (service ? 'service' : item.direction));
    if (service) { box.textContent = m.migrate_to_chat_id ? 'Group upgraded to supergroup ' + m.migrate_to_chat_id : 'Supergroup created from group ' + m.migrate_from_chat_id; return box; }
    if (m.chat.type !== 'private' && m.from) box.appendChild(el('div', 'meta', m.from.first_name));
    if (m.photo) fileImage(m.photo[m.photo.length - 1].file_id, box);
    if (m.document) box.appendChild(el('div', '', '📄 ' + m.document.file_name));
    if (m.voice) box.appendChild(el('div', '', '🎤 voice ' + m.voice.duration + ' s'));
    if (m.location) box.appendChild(el('div', '', '📍 ' + m.location.latitude + ', ' + m.location.longitude));
    if (m.text || m.caption) box.appendChild(el('div', '', m.text || m.caption));
    var rows = (m.reply_markup && m.reply_markup.inline_keyboard) || [];
    rows.forEach(function (row) {
      var kb = el('div', 'kb');
      row.forEach(function (b) { var btn = el('button', '', b.text); btn.type = 'button'; btn.disabled = b.callback_data == null; btn.onclick = function () { act('/_sim/users/press', { chatId: state.chatId, messageId: m.message_id, data: b.callback_data }); }; kb.appendChild(btn); });
      box.appendChild(kb);
    });
    var meta = el('div', 'meta', '#' + m.message_id + ' · ' + time(m.date) + (m.edit_date ? ' · edited' : ''));
    if (item.direction === 'in' && (m.text || m.caption)) {
      var edit = el('a', 'edit', 'edit'); edit.onclick = function () { var t = prompt('New text', m.text || m.caption); if (t) act('/_sim/users/edit', { chatId: state.chatId, messageId: m.message_id, text: t }); };
      meta.appendChild(edit);
    }
    box.appendChild(meta);
    return box;
  }

  function loadConversation() {
    var box = $('messages');
    if (!state.bot || state.chatId == null || !chat()) { box.replaceChildren(el('p', '', 'Choose a bot, then write as a new user.')); return Promise.resolve(); }
    return api('GET', '/_sim/conversation?bot=' + state.bot + '&chatId=' + state.chatId).then(function (items) {
      var atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
      box.replaceChildren.apply(box, items.map(renderMessage));
      if (atBottom) box.scrollTop = box.scrollHeight;
    });
  }

  function loadLog() {
    if (!state.bot) return Promise.resolve();
    return api('GET', '/_sim/webhooks?bot=' + state.bot).then(function (log) {
      $('log').replaceChildren.apply($('log'), log.slice(-14).reverse().map(function (a) {
        var ok = a.status !== null && a.status < 300;
        return el('div', ok ? 'good' : 'bad', new Date(a.at).toLocaleTimeString() + ' ' + a.kind + ' ' + a.updateId + ' #' + a.attempt + ' → ' + (a.status === null ? a.error : a.status) + (a.willRetry ? ' (will retry)' : a.gaveUp ? ' (gave up)' : ''));
      }));
    });
  }

  function act(path, body) {
    return api('POST', path, Object.assign({ bot: state.bot }, body)).then(function (r) { status('OK' + (r.updateId ? ' · update ' + r.updateId : ''), false); refresh(); return r; })
      .catch(function (e) { status(e.message, true); });
  }

  function send(extra) {
    var c = chat();
    var from = state.user && (!c || c.type === 'private') ? state.user : null;
    if (!from && c && c.userId) from = { id: c.userId, firstName: 'User' };
    if (!from && state.user) from = state.user;
    if (!from) return status('Create a user first (New user).', true);
    var body = Object.assign({ from: from }, c && c.type !== 'private' ? { group: { id: c.id, type: c.type, title: c.title } } : {}, extra);
    act('/_sim/users/send', body).then(function (r) { if (r) state.chatId = r.chatId; });
  }

  function refresh() { loadBots().then(loadChats).then(loadConversation).then(loadLog).catch(function (e) { status(e.message, true); }); }

  $('api-base').textContent = location.origin;
  $('bot-select').onchange = function (e) { state.bot = e.target.value; state.chatId = null; refresh(); };
  $('chat-select').onchange = function (e) { state.chatId = Number(e.target.value); refresh(); };
  $('new-user').onclick = function () { state.user = { id: userId(), firstName: $('first-name').value || 'User', lastName: $('last-name').value || undefined }; state.chatId = state.user.id; status('New user: write a first message (e.g. /start).'); refresh(); };
  $('new-group').onclick = function () {
    if (!state.user) return status('Create a user first (New user).', true);
    act('/_sim/users/send', { from: state.user, group: { type: 'group', title: $('group-title').value || 'Support group' }, text: 'Hello from the group 👋' }).then(function (r) { if (r) { state.chatId = r.chatId; refresh(); } });
  };
  $('block').onclick = function () { var c = chat(); if (c) act('/_sim/users/block', { chatId: c.id, blocked: !c.blocked }); };
  $('migrate').onclick = function () { var c = chat(); if (c) act('/_sim/chats/migrate', { chatId: c.id }).then(function (r) { if (r) { state.chatId = r.newChatId; refresh(); } }); };
  $('bot-form').onsubmit = function (e) {
    e.preventDefault();
    api('POST', '/_sim/bots', Object.fromEntries(new FormData(e.target))).then(function (b) { state.bot = b.username; status('Bot registered.'); refresh(); }).catch(function (err) { status(err.message, true); });
  };
  $('composer').onsubmit = function (e) { e.preventDefault(); var t = $('text').value; if (t.trim()) { send({ text: t }); $('text').value = ''; } };
  $('send-photo').onclick = function () { send({ photo: true, caption: $('text').value || undefined }); $('text').value = ''; };
  $('send-document').onclick = function () { send({ document: { fileName: 'invoice.pdf', mimeType: 'application/pdf', content: '%PDF-1.4 simulated' } }); };
  $('send-voice').onclick = function () { send({ voice: { durationSeconds: 4 } }); };
  $('send-location').onclick = function () { send({ location: { latitude: 38.722252, longitude: -9.139337 } }); };

  refresh();
  setInterval(refresh, 1000);
})();
`;
