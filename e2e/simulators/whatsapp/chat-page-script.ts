/**
 * Browser script of the chat page (plain ES2020 in a string). Everything from the app or the customer
 * is rendered with textContent, never innerHTML.
 */
export const CHAT_PAGE_SCRIPT = String.raw`
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var state = { phoneNumberId: '', customer: '', pending: null, lastOut: null };

  function digits(n) { var s = String(1 + Math.floor(Math.random() * 9)); while (s.length < n) s += Math.floor(Math.random() * 10); return s; }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function status(text, bad) { var s = $('status'); s.textContent = text; s.className = bad ? 'bad' : 'good'; }
  function time(ms) { return new Date(ms).toLocaleTimeString(); }
  function api(method, path, body) {
    return fetch(path, { method: method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().then(function (d) { if (!r.ok) throw new Error(d.error || r.statusText); return d; }); });
  }
  function fill(select, items, value) {
    select.replaceChildren();
    items.forEach(function (i) { var o = el('option', '', i.text); o.value = i.value; select.appendChild(o); });
    select.value = value;
  }

  function loadAccounts() {
    return api('GET', '/_sim/accounts').then(function (accounts) {
      if (!state.phoneNumberId && accounts.length) state.phoneNumberId = accounts[0].phoneNumberId;
      fill($('account-select'), accounts.map(function (a) {
        return { value: a.phoneNumberId, text: a.verifiedName + ' ' + a.displayPhoneNumber + ' [' + a.mode + ']' + (a.webhookUrl ? '' : ' – no webhook') };
      }), state.phoneNumberId);
    });
  }

  function loadCustomers() {
    if (!state.phoneNumberId) return Promise.resolve();
    return api('GET', '/_sim/customers?phoneNumberId=' + state.phoneNumberId).then(function (cs) {
      var items = cs.map(function (c) { return { value: c.address, text: c.name + ' (' + c.address + ')' + (c.notOnWhatsApp ? ' – not on WhatsApp' : '') }; });
      if (state.pending && !cs.some(function (c) { return c.address === state.pending.waId; })) items.push({ value: state.pending.waId, text: state.pending.name + ' (new)' });
      if (!state.customer && items.length) state.customer = items[0].value;
      fill($('customer-select'), items, state.customer);
      var current = cs.filter(function (c) { return c.address === state.customer; })[0];
      $('not-on-wa').checked = !!(current && current.notOnWhatsApp);
    });
  }

  function describeOut(m) {
    var b = m.body, c = b[m.type] || {};
    if (m.type === 'text') return c.body;
    if (m.type === 'template') return '[template ' + c.name + ' ' + (c.language && c.language.code) + ']';
    return '[' + m.type + '] ' + (c.link || c.id || '') + (c.caption ? ' – ' + c.caption : '');
  }
  function describeIn(m) {
    var c = m.message[m.type] || {};
    if (m.type === 'text') return c.body;
    if (m.type === 'interactive') return '[tapped] ' + (c.button_reply || c.list_reply || {}).title;
    if (m.type === 'button') return '[tapped] ' + c.text;
    if (m.type === 'reaction') return '[reaction] ' + (c.emoji || '(removed)');
    if (m.type === 'location') return '[location] ' + c.latitude + ', ' + c.longitude;
    return '[' + m.type + ']' + (c.caption ? ' ' + c.caption : '');
  }
  function render(m) {
    var box = el('div', 'msg ' + m.direction);
    box.appendChild(el('div', '', m.direction === 'out' ? describeOut(m) : describeIn(m)));
    var meta = time(m.time) + (m.direction === 'out' ? ' · ' + m.status + (m.errorCode ? ' (' + m.errorCode + ')' : '') : '');
    box.appendChild(el('div', 'meta' + (m.status === 'failed' ? ' failed' : ''), meta));
    return box;
  }

  function loadConversation() {
    if (!state.phoneNumberId || !state.customer) { $('messages').replaceChildren(el('p', '', 'Choose a number and a customer.')); return Promise.resolve(); }
    return api('GET', '/_sim/conversations?phoneNumberId=' + state.phoneNumberId + '&customer=' + encodeURIComponent(state.customer)).then(function (items) {
      var outs = items.filter(function (m) { return m.direction === 'out'; });
      state.lastOut = outs.length ? outs[outs.length - 1].wamid : null;
      var box = $('messages'); var atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
      box.replaceChildren.apply(box, items.map(render));
      if (atBottom) box.scrollTop = box.scrollHeight;
    });
  }

  function loadLog() {
    return api('GET', '/_sim/webhooks' + (state.phoneNumberId ? '?phoneNumberId=' + state.phoneNumberId : '')).then(function (log) {
      $('log').replaceChildren.apply($('log'), log.slice(-14).reverse().map(function (a) {
        var ok = a.status !== null && a.status < 300;
        return el('div', ok ? 'good' : 'bad', time(a.at) + ' ' + a.kinds.join('+') + ' #' + a.attempt + ' → ' + (a.status === null ? a.error : a.status) + (a.willRetry ? ' (will retry)' : ''));
      }));
    });
  }

  function who() {
    var p = state.pending && state.pending.waId === state.customer ? state.pending : null;
    return Object.assign({ phoneNumberId: state.phoneNumberId, waId: state.customer }, p ? { name: p.name } : {});
  }
  function send(extra) {
    if (!state.phoneNumberId || !state.customer) return status('Choose a number and a customer first.', true);
    api('POST', '/_sim/customers/send', Object.assign(who(), extra)).then(function (r) {
      var d = r.deliveries[0];
      status('Delivered to Switchboard: ' + (d.status === null ? d.error : 'HTTP ' + d.status), !(d.status >= 200 && d.status < 300));
      refresh();
    }).catch(function (e) { status(e.message, true); });
  }
  function setState(extra) {
    api('POST', '/_sim/customers/state', Object.assign(who(), extra)).then(refresh).catch(function (e) { status(e.message, true); });
  }
  function needLastOut(fn) { return function () { if (!state.lastOut) return status('No reply from Switchboard yet.', true); fn(state.lastOut); }; }
  function refresh() { loadCustomers().then(loadConversation).then(loadLog).catch(function (e) { status(e.message, true); }); }

  $('api-base').textContent = location.origin;
  $('account-select').onchange = function (e) { state.phoneNumberId = e.target.value; state.customer = ''; refresh(); };
  $('customer-select').onchange = function (e) { state.customer = e.target.value; refresh(); };
  $('new-customer').onclick = function () {
    state.pending = { waId: $('customer-wa').value.replace(/\D/g, '') || '5511' + digits(9), name: $('customer-name').value || 'New customer' };
    state.customer = state.pending.waId; refresh();
  };
  $('old-window').onchange = function (e) { if (e.target.checked) setState({ lastInboundHoursAgo: 25 }); };
  $('not-on-wa').onchange = function (e) { setState({ notOnWhatsApp: e.target.checked }); };
  $('composer').onsubmit = function (e) { e.preventDefault(); var t = $('text').value.trim(); if (t) { send({ text: t }); $('text').value = ''; $('old-window').checked = false; } };
  $('send-image').onclick = function () { send({ image: { caption: 'Photo from the simulator' } }); };
  $('send-location').onclick = function () { send({ location: { latitude: -23.5614, longitude: -46.6559, name: 'Av. Paulista', address: 'São Paulo' } }); };
  $('send-button').onclick = function () { send({ buttonReply: { id: 'agent', title: 'Talk to agent' } }); };
  $('send-reaction').onclick = needLastOut(function (id) { send({ reaction: { messageId: id, emoji: '👍' } }); });
  $('send-reply').onclick = needLastOut(function (id) { var t = $('text').value.trim() || 'About this…'; send({ text: t, replyTo: id }); $('text').value = ''; });

  loadAccounts().then(refresh);
  setInterval(refresh, 1000);
})();
`;
