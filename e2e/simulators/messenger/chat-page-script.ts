/**
 * Browser script of the chat page (plain ES2020, no template literals so it can live in this string).
 * All user data is rendered with textContent, never innerHTML.
 */
export const CHAT_PAGE_SCRIPT = String.raw`
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var state = { pageId: '', psid: '', pendingCustomer: null };

  function digits(n) { var s = String(1 + Math.floor(Math.random() * 9)); while (s.length < n) s += Math.floor(Math.random() * 10); return s; }
  function hex(n) { var s = ''; while (s.length < n) s += Math.floor(Math.random() * 16).toString(16); return s; }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function status(text, bad) { var s = $('status'); s.textContent = text; s.className = bad ? 'bad' : 'good'; }
  function time(ms) { return new Date(ms).toLocaleTimeString(); }

  function api(method, path, body) {
    return fetch(path, { method: method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().then(function (data) { if (!r.ok) throw new Error(data.error || r.statusText); return data; }); });
  }

  /** Prefills the page form from the selected page, or with fresh fake credentials. */
  function fillPageForm(page) {
    var f = $('page-form').elements;
    f.pageId.value = page ? page.pageId : digits(15); f.name.value = page ? page.name : 'Acme Support';
    f.accessToken.value = page ? page.accessToken : 'EAAsim' + hex(40); f.appSecret.value = page ? page.appSecret : hex(32);
    f.webhookUrl.value = (page && page.webhookUrl) || ''; f.verifyToken.value = (page && page.verifyToken) || '';
  }

  function fillSelect(select, items, value, label) {
    select.replaceChildren();
    items.forEach(function (item) { var o = el('option', '', label(item)); o.value = item.value; select.appendChild(o); });
    select.value = value;
  }

  function loadPages() {
    return api('GET', '/_sim/pages').then(function (pages) {
      if (!state.pageId && pages.length) state.pageId = pages[0].pageId;
      if (!pages.length) $('add-page').open = true;
      fillPageForm(pages.filter(function (p) { return p.pageId === state.pageId; })[0]);
      fillSelect($('page-select'), pages.map(function (p) { return { value: p.pageId, text: p.name + ' (' + p.pageId + ')' + (p.verified ? '' : ' – not verified') }; }), state.pageId, function (i) { return i.text; });
    });
  }

  function loadCustomers() {
    if (!state.pageId) return Promise.resolve();
    return api('GET', '/_sim/customers?pageId=' + state.pageId).then(function (customers) {
      var items = customers.map(function (c) { return { value: c.psid, text: c.name + ' (' + c.psid + ')' + (c.blocked ? ' – blocked' : '') }; });
      if (state.pendingCustomer && !customers.some(function (c) { return c.psid === state.pendingCustomer.psid; })) {
        items.push({ value: state.pendingCustomer.psid, text: state.pendingCustomer.name + ' (new)' });
      }
      if (!state.psid && items.length) state.psid = items[0].value;
      fillSelect($('customer-select'), items, state.psid, function (i) { return i.text; });
    });
  }

  function renderMessage(m) {
    var box = el('div', 'msg ' + m.direction);
    if (m.postback) box.appendChild(el('div', 'postback', '[postback] ' + m.postback.title));
    if (m.text) box.appendChild(el('div', '', m.text));
    (m.attachments || []).concat(m.attachment ? [{ type: m.attachment.type, url: m.attachment.payload.url }] : []).forEach(function (a) {
      if (a.type === 'image' && a.url) { var img = el('img'); img.src = a.url; img.alt = 'image'; box.appendChild(img); }
      else box.appendChild(el('div', '', '[' + a.type + '] ' + (a.url || '')));
    });
    var meta = time(m.time);
    if (m.direction === 'out') meta += ' · ' + m.status + (m.via === 'page_inbox' ? ' · Page Inbox' : '') + (m.tag ? ' · ' + m.tag : '');
    box.appendChild(el('div', 'meta', meta));
    return box;
  }

  function loadConversation() {
    if (!state.pageId || !state.psid) { $('messages').replaceChildren(el('p', '', 'Choose a page and a customer.')); return Promise.resolve(); }
    return api('GET', '/_sim/conversations?pageId=' + state.pageId + '&psid=' + state.psid).then(function (items) {
      var box = $('messages'); var atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
      box.replaceChildren.apply(box, items.map(renderMessage));
      if (atBottom) box.scrollTop = box.scrollHeight;
    });
  }

  function loadLog() {
    return api('GET', '/_sim/webhooks' + (state.pageId ? '?pageId=' + state.pageId : '')).then(function (log) {
      $('log').replaceChildren.apply($('log'), log.slice(-12).reverse().map(function (a) {
        var ok = a.status !== null && a.status < 300;
        return el('div', ok ? 'good' : 'bad', time(a.at) + ' ' + a.kinds.join('+') + ' #' + a.attempt + ' → ' + (a.status === null ? a.error : a.status) + (a.willRetry ? ' (will retry)' : ''));
      }));
    });
  }

  function send(extra) {
    if (!state.pageId || !state.psid) return status('Choose a page and a customer first.', true);
    var customer = state.pendingCustomer && state.pendingCustomer.psid === state.psid ? state.pendingCustomer : null;
    var body = Object.assign({ pageId: state.pageId, psid: state.psid }, customer ? { name: customer.name } : {}, extra);
    api('POST', '/_sim/customers/send', body).then(function (r) {
      var d = r.deliveries[0];
      status('Delivered to Switchboard: ' + (d.status === null ? d.error : 'HTTP ' + d.status), !(d.status >= 200 && d.status < 300));
      refresh();
    }).catch(function (e) { status(e.message, true); });
  }

  function refresh() { loadCustomers().then(loadConversation).then(loadLog).catch(function (e) { status(e.message, true); }); }

  $('api-base').textContent = location.origin;
  $('page-select').onchange = function (e) { state.pageId = e.target.value; state.psid = ''; loadPages().then(refresh); };
  $('customer-select').onchange = function (e) { state.psid = e.target.value; refresh(); };
  $('new-customer').onclick = function () {
    state.pendingCustomer = { psid: digits(16), name: $('customer-name').value || 'New customer' };
    state.psid = state.pendingCustomer.psid; refresh();
  };
  $('page-form').onsubmit = function (e) {
    e.preventDefault();
    var body = Object.fromEntries(new FormData(e.target));
    if (!body.webhookUrl) delete body.webhookUrl;
    api('POST', '/_sim/pages', body).then(function (r) {
      state.pageId = r.page.pageId;
      status(r.verified ? 'Webhook verified and saved.' : 'Saved, but verification failed: ' + (r.error || 'HTTP ' + r.status + ' ' + JSON.stringify(r.body)), !r.verified);
      return loadPages().then(refresh);
    }).catch(function (err) { status(err.message, true); });
  };
  $('composer').onsubmit = function (e) { e.preventDefault(); var t = $('text').value.trim(); if (t) { send({ text: t }); $('text').value = ''; } };
  $('send-image').onclick = function () { send({ attachments: [{ type: 'image', url: location.origin + '/_sim/media/image.png' }] }); };
  $('send-postback').onclick = function () { send({ postback: { title: 'Talk to a person', payload: 'TALK_TO_AGENT' } }); };

  loadPages().then(refresh);
  setInterval(refresh, 1000);
})();
`;
