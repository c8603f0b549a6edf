/**
 * Browser script of the chat page (plain ES2020, no template literals so it can live in this string).
 * All user data is rendered with textContent, never innerHTML.
 */
export const CHAT_PAGE_SCRIPT = String.raw`
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var state = { appId: '', conversationId: '' };
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function status(text, bad) { var s = $('status'); s.textContent = text; s.className = bad ? 'bad' : 'good'; }
  function api(method, path, body) {
    return fetch(path, { method: method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().then(function (d) { if (!r.ok) throw new Error(d.error || r.statusText); return d; }); });
  }
  function fill(select, items, value) {
    select.replaceChildren();
    items.forEach(function (i) { var o = el('option', '', i.text); o.value = i.value; select.appendChild(o); });
    select.value = value;
  }
  function loadBots() {
    return api('GET', '/_sim/bots').then(function (bots) {
      if (!state.appId && bots.length) state.appId = bots[0].appId;
      if (!bots.length) $('add-bot').open = true;
      fill($('bot-select'), bots.map(function (b) { return { value: b.appId, text: b.name + ' (' + b.appId.slice(0, 8) + '…)' + (b.messagingEndpoint ? '' : ' – no endpoint') }; }), state.appId);
      var bot = bots.filter(function (b) { return b.appId === state.appId; })[0];
      return api('GET', '/_sim/info' + (bot ? '?tenantId=' + encodeURIComponent(bot.tenantId) : '')).then(function (info) {
        $('info').textContent = 'openIdMetadataUrl: ' + info.openIdMetadataUrl + '  ·  tokenEndpoint: ' + info.tokenEndpoint;
      });
    });
  }
  function loadConversations() {
    if (!state.appId) return Promise.resolve();
    return api('GET', '/_sim/conversations?appId=' + state.appId).then(function (list) {
      if (!state.conversationId && list.length) state.conversationId = list[0].id;
      var items = list.map(function (c) { return { value: c.id, text: c.user.name + ' · ' + c.type + (c.installed ? '' : ' (uninstalled)') }; });
      fill($('conversation-select'), items, state.conversationId);
    });
  }
  function loadMessages() {
    if (!state.appId || !state.conversationId) { $('messages').replaceChildren(); return Promise.resolve(); }
    var q = '?appId=' + state.appId + '&conversationId=' + encodeURIComponent(state.conversationId);
    return Promise.all([api('GET', '/_sim/deliveries' + q), api('GET', '/_sim/sent' + q)]).then(function (r) {
      var items = r[0].filter(function (d) { return d.activityType === 'message'; }).map(function (d) {
        var a = JSON.parse(d.body); return { dir: 'in', seq: d.seq, text: a.text || (a.value ? '[card] ' + JSON.stringify(a.value) : '[attachment]'), meta: 'bot answered ' + (d.status || d.error) };
      }).concat(r[1].map(function (s) {
        return { dir: 'out', seq: s.seq, text: (s.text || '') + (s.attachments ? '\n[' + s.attachments.length + ' attachment(s)]' : ''), meta: 'id ' + s.activityId };
      })).sort(function (a, b) { return a.seq - b.seq; });
      $('messages').replaceChildren.apply($('messages'), items.map(function (m) {
        var box = el('div', 'msg ' + m.dir, m.text); box.appendChild(el('div', 'meta', m.meta)); return box;
      }));
    });
  }
  function target() {
    return state.conversationId ? { appId: state.appId, conversationId: state.conversationId } : { appId: state.appId, user: { name: $('user-name').value || 'Megan Bowen' } };
  }
  function send(body) {
    if (!state.appId) return status('Register a bot first', true);
    var input = Object.assign(target(), body);
    return api('POST', '/_sim/activities', input).then(function (r) {
      state.conversationId = r.conversation.id;
      var d = r.delivery; status(d.status ? 'Delivered: bot answered HTTP ' + d.status : 'Not delivered: ' + d.error, !d.status || d.status >= 300);
      return refresh();
    }).catch(function (e) { status(e.message, true); });
  }
  function refresh() { return loadBots().then(loadConversations).then(loadMessages).catch(function (e) { status(e.message, true); }); }

  $('bot-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target.elements, body = { appId: f.appId.value, password: f.password.value, tenantId: f.tenantId.value, name: f.name.value };
    if (f.messagingEndpoint.value) body.messagingEndpoint = f.messagingEndpoint.value;
    api('POST', '/_sim/bots', body).then(function (b) { state.appId = b.appId; status('Bot saved'); return refresh(); }).catch(function (e) { status(e.message, true); });
  });
  $('bot-select').addEventListener('change', function (ev) { state.appId = ev.target.value; state.conversationId = ''; refresh(); });
  $('conversation-select').addEventListener('change', function (ev) { state.conversationId = ev.target.value; loadMessages(); });
  $('new-conversation').addEventListener('click', function () { state.conversationId = ''; send({ kind: 'installationUpdate', action: 'add' }); });
  $('install').addEventListener('click', function () { send({ kind: 'installationUpdate', action: 'add' }); });
  $('uninstall').addEventListener('click', function () { send({ kind: 'installationUpdate', action: 'remove' }); });
  $('composer').addEventListener('submit', function (ev) {
    ev.preventDefault(); var text = $('text').value.trim(); if (!text) return;
    send({ kind: 'message', text: text, mention: $('mention').checked }).then(function () { $('text').value = ''; });
  });
  $('send-card').addEventListener('click', function () { send({ kind: 'message', cardSubmit: { action: 'rate', rating: '5', comment: 'Quick and helpful' } }); });
  $('send-image').addEventListener('click', function () { send({ kind: 'message', attachment: { kind: 'image', url: location.origin + '/_sim/media/pixel.png', name: 'pixel.png' } }); });
  refresh(); setInterval(loadMessages, 1000);
})();
`;
