/**
 * One end-to-end run per further channel, in the real browser against the real stack: the admin
 * connects the channel's simulator, a simulated customer writes, the agent answers in the inbox,
 * and the simulator receives the reply.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, AGENT, signIn } from './support';

test.describe.configure({ mode: 'serial' });

async function post(request: APIRequestContext, url: string, data: unknown) {
  const res = await request.post(url, { data });
  expect(res.ok(), `${url}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

/** The admin creates the inbox through the same API the wizard uses (session cookie). */
async function createInbox(page: Page, channel: string, name: string, config: Record<string, unknown>) {
  await signIn(page, ADMIN);
  const inbox = await post(page.request, '/api/v1/inboxes', { channel, name, config });
  expect(inbox.webhookUrl).toMatch(new RegExp(`/api/webhooks/${channel}/`));
  return inbox as { id: string; webhookUrl: string };
}

/** The agent sees the new conversation live, opens it and replies with the keyboard. */
async function agentAnswers(page: Page, customerText: string, reply: string) {
  await signIn(page, AGENT);
  const item = page.getByTestId('conversation-item').filter({ hasText: customerText });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.getByTestId('message').filter({ hasText: customerText })).toBeVisible();
  await page.getByTestId('reply-box').fill(reply);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('message').filter({ hasText: reply }).getByTestId('message-status')).toHaveAttribute('data-status', /sent|delivered|read/);
}

test('Microsoft Teams (Bot Framework): a user writes, the agent answers, the Connector receives it', async ({ page, browser, request }) => {
  const sim = process.env.E2E_BF_URL!;
  const bot = { appId: '9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a', password: 'e2e-secret~0123456789', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
  const info = await (await request.get(`${sim}/_sim/info?tenantId=${bot.tenantId}`)).json();
  const inbox = await createInbox(page, 'botframework', 'Teams', { appId: bot.appId, appPassword: bot.password, tenantId: bot.tenantId, openIdMetadataUrl: info.openIdMetadataUrl, tokenEndpoint: info.tokenEndpoint });
  await post(request, `${sim}/_sim/bots`, { ...bot, messagingEndpoint: inbox.webhookUrl });
  const delivered = await post(request, `${sim}/_sim/activities`, { kind: 'message', appId: bot.appId, text: 'Teams: my laptop will not boot', mention: true, user: { name: 'Megan Bowen' } });
  expect(delivered.delivery.status).toBe(200);

  const agentPage = await (await browser.newContext()).newPage();
  await agentAnswers(agentPage, 'Teams: my laptop will not boot', 'Hi Megan, try holding the power button');
  const sent = await (await request.get(`${sim}/_sim/sent?appId=${bot.appId}&count=1&waitMs=5000`)).json();
  expect(sent.map((a: { text: string }) => a.text)).toContain('Hi Megan, try holding the power button');
});

test('Telegram: a user writes, the agent answers, the Bot API receives sendMessage', async ({ page, browser, request }) => {
  const sim = process.env.E2E_TG_URL!;
  const bot = { token: '6101234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1', username: 'acme_e2e_bot' };
  await post(request, `${sim}/_sim/bots`, bot);
  const inbox = await createInbox(page, 'telegram', 'Telegram', { botToken: bot.token, apiBaseUrl: sim, secretToken: 'e2e-secret_token' });
  const hook = await post(request, `${sim}/bot${bot.token}/setWebhook`, { url: inbox.webhookUrl, secret_token: 'e2e-secret_token' });
  expect(hook.ok).toBe(true);
  await post(request, `${sim}/_sim/users/send`, { bot: bot.username, from: { firstName: 'Ana' }, text: 'Telegram: order 🚚 late?' });

  const agentPage = await (await browser.newContext()).newPage();
  await agentAnswers(agentPage, 'Telegram: order 🚚 late?', 'Checking now, Ana');
  const sent = await (await request.get(`${sim}/_sim/sent?bot=${bot.username}&count=1&waitMs=5000`)).json();
  expect(sent.map((m: { text: string }) => m.text)).toContain('Checking now, Ana');
});

test('WeChat (safe mode): a follower writes, the agent answers, the customer-service API receives it', async ({ page, browser, request }) => {
  const sim = process.env.E2E_WX_URL!;
  const account = { appId: 'wx5e1a0b2c3d4e5f61', appSecret: 'e2e0app0secret0123456789abcdef00', ghId: 'gh_5e1a0b2c3d4f', name: 'Acme', token: 'e2eToken0123456789', encodingAesKey: 'e2eEncodingAesKey0123456789abcdefghijklmnop', mode: 'safe' };
  const inbox = await createInbox(page, 'wechat', 'WeChat', { appId: account.appId, appSecret: account.appSecret, token: account.token, encodingAesKey: account.encodingAesKey, mode: 'safe', apiBaseUrl: sim });
  const registered = await post(request, `${sim}/_sim/accounts`, { ...account, webhookUrl: inbox.webhookUrl });
  expect(registered.verification.verified).toBe(true);
  await post(request, `${sim}/_sim/followers/send`, { appId: account.appId, type: 'text', content: 'WeChat: 你好，我的订单呢？' });

  const agentPage = await (await browser.newContext()).newPage();
  await agentAnswers(agentPage, 'WeChat: 你好，我的订单呢？', '您好，我们正在查询');
  const sent = await (await request.get(`${sim}/_sim/sent?appId=${account.appId}&count=1&waitMs=5000`)).json();
  expect(sent.map((m: { text: string }) => m.text)).toContain('您好，我们正在查询');
});

test('WhatsApp (Meta Cloud API): a customer writes, the agent answers, Graph receives the message', async ({ page, browser, request }) => {
  const sim = process.env.E2E_WA_URL!;
  const number = { mode: 'cloud', phoneNumberId: '106540352242931', wabaId: '102290129340398', displayPhoneNumber: '+1 555-078-3891', accessToken: 'EAA-e2e-wa-token', appSecret: 'e2e-wa-app-secret' };
  const inbox = await createInbox(page, 'whatsapp', 'WhatsApp', { phoneNumberId: number.phoneNumberId, wabaId: number.wabaId, accessToken: number.accessToken, appSecret: number.appSecret, apiBaseUrl: sim });
  const registered = await post(request, `${sim}/_sim/accounts`, { ...number, webhookUrl: inbox.webhookUrl, verifyToken: (inbox as { verifyToken?: string }).verifyToken });
  expect(registered.verified).toBe(true);
  await post(request, `${sim}/_sim/customers/send`, { phoneNumberId: number.phoneNumberId, waId: '16505550001', name: 'Sheena', text: 'WhatsApp: does it come in blue?' });

  const agentPage = await (await browser.newContext()).newPage();
  await agentAnswers(agentPage, 'WhatsApp: does it come in blue?', 'Yes, in blue and red');
  const sent = await (await request.get(`${sim}/_sim/sent?phoneNumberId=${number.phoneNumberId}&count=1&waitMs=5000`)).json();
  expect(JSON.stringify(sent)).toContain('Yes, in blue and red');
});

test('WhatsApp via 360dialog: the admin registers the webhook, a customer writes, the agent answers', async ({ page, browser, request }) => {
  const sim = process.env.E2E_WA_URL!;
  const number = { mode: '360', phoneNumberId: '106540352242932', wabaId: '102290129340399', displayPhoneNumber: '+49 30 901821', apiKey: 'e2e-d360-api-key' };
  await post(request, `${sim}/_sim/accounts`, number);
  const inbox = await createInbox(page, 'whatsapp360', 'WhatsApp DE', { apiKey: number.apiKey, apiBaseUrl: sim });
  // The wizard's "Register webhook": Switchboard sets its URL and secret header at 360dialog.
  const registered = await post(page.request, `/api/v1/inboxes/${inbox.id}/webhook`, {});
  expect(registered.ok, registered.message).toBe(true);
  await post(request, `${sim}/_sim/customers/send`, { phoneNumberId: number.phoneNumberId, waId: '4930900001', name: 'Jonas', text: 'WhatsApp 360: Lieferzeit?' });

  const agentPage = await (await browser.newContext()).newPage();
  await agentAnswers(agentPage, 'WhatsApp 360: Lieferzeit?', 'Zwei Tage');
  const sent = await (await request.get(`${sim}/_sim/sent?phoneNumberId=${number.phoneNumberId}&count=1&waitMs=5000`)).json();
  expect(JSON.stringify(sent)).toContain('Zwei Tage');
});
