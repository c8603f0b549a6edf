/**
 * Browser script of the chat page (plain ES2020, no template literals so it can live in this string).
 * All user data is rendered with textContent, never innerHTML.
 */
export const CHAT_PAGE_SCRIPT = String.raw`
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var state = { appId: '', openId: '', pending: null };
  var ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

  function rand(n, chars) { var s = ''; while (s.length < n) s += chars[Math.floor(Math.random() * chars.length)]; return s; }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
  function status(text, bad) { var s = $('status'); s.textContent = text; s.className = bad ? 'bad' : 'good'; }
  function time(ms) { return new Date(ms).toLocaleTimeString(); }
  function api(method, path, body) {
    return fetch(path, { method: method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().then(function (data) { if (!r.ok) throw new Error(data.error || r.statusText); return data; }); });
  }
  function fillSelect(select, items, value) {
    select.replaceChildren();
    items.forEach(function (item) { var o = el('option', '', item.text); o.value = item.value; select.appendChild(o); });
    select.value = value;
  }

  function fillAccountForm(a) {
    var f = $('account-form').elements;
    f.appId.value = a ? a.appId : 'wx' + rand(16, '0123456789abcdef'); f.appSecret.value = a ? a.appSecret : rand(32, '0123456789abcdef');
    f.webhookUrl.value = (a && a.webhookUrl) || ''; f.token.value = a ? a.token : rand(32, ALNUM);
    f.encodingAesKey.value = (a && a.encodingAesKey) || rand(43, ALNUM); f.mode.value = a ? a.mode : 'safe';
  }

  function loadAccounts() {
    return api('GET', '/_sim/accounts').then(function (accounts) {
      if (!state.appId && accounts.length) state.appId = accounts[0].appId;
      if (!accounts.length) $('add-account').open = true;
      fillAccountForm(accounts.filter(function (a) { return a.appId === state.appId; })[0]);
      fillSelect($('account-select'), accounts.map(function (a) { return { value: a.appId, text: a.name + ' (' + a.appId + ', ' + a.mode + ')' + (a.verified ? '' : ' – URL not verified') }; }), state.appId);
    });
  }

  function loadFollowers() {
    if (!state.appId) return Promise.resolve();
    return api('GET', '/_sim/followers?appId=' + state.appId).then(function (followers) {
      var items = followers.map(function (f) { return { value: f.openId, text: f.name + (f.subscribed ? '' : ' – unfollowed') + ' (' + f.openId + ')' }; });
      if (state.pending && !followers.some(function (f) { return f.openId === state.pending.openId; })) items.push({ value: state.pending.openId, text: state.pending.name + ' (new)' });
      if (!state.openId && items.length) state.openId = items[0].value;
      fillSelect($('follower-select'), items, state.openId);
    });
  }

  function render(m) {
    var items = [];
    var box = el('div', 'msg ' + m.direction);
    if (m.direction === 'in') box.appendChild(el('div', '', m.text != null && m.msgType === 'text' ? m.text : m.summary));
    else if (m.text != null) box.appendChild(el('div', '', m.text));
    else if (m.msgtype === 'image' && m.mediaId) { var img = el('img'); img.alt = 'image'; img.src = '/_sim/uploads/' + encodeURIComponent(m.mediaId); box.appendChild(img); }
    else box.appendChild(el('div', '', '[' + m.msgtype + ']'));
    box.appendChild(el('div', 'meta', time(m.time) + (m.direction === 'out' && m.via === 'passive_reply' ? ' · passive reply' : '') + (m.msgId ? ' · MsgId ' + m.msgId : '')));
    items.push(box);
    if (m.push && m.push.userSees) items.push(el('div', 'notice', m.push.userSees + ' (' + m.push.outcome + ')'));
    return items;
  }

  function loadConversation() {
    if (!state.appId || !state.openId) { $('messages').replaceChildren(el('p', '', 'Choose an account and a follower.')); return Promise.resolve(); }
    return api('GET', '/_sim/conversations?appId=' + state.appId + '&openId=' + state.openId).then(function (items) {
      var box = $('messages'); var atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
      box.replaceChildren.apply(box, items.flatMap(render));
      if (atBottom) box.scrollTop = box.scrollHeight;
    });
  }

  function loadLog() {
    return api('GET', '/_sim/pushes' + (state.appId ? '?appId=' + state.appId : '')).then(function (pushes) {
      $('log').replaceChildren.apply($('log'), pushes.slice(-12).reverse().map(function (p) {
        var last = p.attempts[p.attempts.length - 1];
        var detail = last ? (last.status === null ? last.error : last.status === 200 && last.problem ? last.problem : 'HTTP ' + last.status) : '…';
        return el('div', p.outcome === 'ok' ? 'good' : p.outcome === 'pending' ? '' : 'bad', (p.event || p.msgType) + ' ×' + p.attempts.length + ' → ' + p.outcome + ' (' + detail + ')');
      }));
    });
  }

  function refresh() { loadFollowers().then(loadConversation).then(loadLog).catch(function (e) { status(e.message, true); }); }

  function send(action) {
    if (!state.appId || !state.openId) return status('Choose an account and a follower first.', true);
    var follower = state.pending && state.pending.openId === state.openId ? state.pending : null;
    var body = Object.assign({ appId: state.appId, openId: state.openId }, follower ? { name: follower.name } : {}, action);
    api('POST', '/_sim/followers/send', body).then(function (r) {
      var a = r.push.attempts[0];
      status('Pushed to Switchboard: ' + (a.status === null ? a.error : 'HTTP ' + a.status + (a.problem ? ' – ' + a.problem : '')), a.verdict !== 'ok');
      refresh();
    }).catch(function (e) { status(e.message, true); });
  }

  $('api-base').textContent = location.origin;
  $('account-select').onchange = function (e) { state.appId = e.target.value; state.openId = ''; loadAccounts().then(refresh); };
  $('follower-select').onchange = function (e) { state.openId = e.target.value; refresh(); };
  $('new-follower').onclick = function () { state.pending = { openId: 'o' + rand(27, ALNUM + '-_'), name: $('follower-name').value || 'New follower' }; state.openId = state.pending.openId; send({ type: 'subscribe' }); };
  $('account-form').onsubmit = function (e) {
    e.preventDefault();
    var body = Object.fromEntries(new FormData(e.target));
    ['webhookUrl', 'encodingAesKey'].forEach(function (k) { if (!body[k]) delete body[k]; });
    api('POST', '/_sim/accounts', body).then(function (r) {
      state.appId = r.account.appId;
      var v = r.verification;
      status(!v ? 'Saved (no URL yet).' : v.verified ? 'URL verified and saved.' : 'Saved, but URL verification failed: ' + (v.error || 'HTTP ' + v.status + ' ' + JSON.stringify(v.body)), v && !v.verified);
      return loadAccounts().then(refresh);
    }).catch(function (err) { status(err.message, true); });
  };
  $('composer').onsubmit = function (e) { e.preventDefault(); var t = $('text').value; if (t.trim()) { send({ type: 'text', content: t }); $('text').value = ''; } };
  $('send-image').onclick = function () { send({ type: 'image' }); };
  $('send-location').onclick = function () { send({ type: 'location', latitude: 23.134521, longitude: 113.358803, label: '广州市海珠区新港中路397号' }); };
  $('send-click').onclick = function () { send({ type: 'click', eventKey: 'TALK_TO_AGENT' }); };
  $('follow').onclick = function () { send({ type: 'subscribe' }); };
  $('unfollow').onclick = function () { send({ type: 'unsubscribe' }); };
  $('clock-1h').onclick = function () { api('POST', '/_sim/clock/advance', { hours: 1 }).then(refresh); };
  $('clock-48h').onclick = function () { api('POST', '/_sim/clock/advance', { hours: 48 }).then(refresh); };

  loadAccounts().then(refresh);
  setInterval(refresh, 1000);
})();
`;
