/**
 * The whole product in a real browser against the real `npm start` stack and the Messenger
 * simulator: first run, connecting a Page, and an agent answering a customer live.
 */
import { expect, test } from '@playwright/test';
import { ADMIN, AGENT, PAGE, signIn, sim, watchCspViolations } from './support';

test.describe.configure({ mode: 'serial' });

// Every page of every test below runs under the Content-Security-Policy without a single violation.
let cspViolations: string[] = [];
test.beforeEach(async ({ page }) => {
  cspViolations = await watchCspViolations(page);
});
test.afterEach(() => {
  expect(cspViolations).toEqual([]);
});

test('first run offers to create the first admin, who lands in the inbox', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup/);
  await page.getByTestId('setup-name').fill(ADMIN.name);
  await page.getByTestId('setup-email').fill(ADMIN.email);
  await page.getByTestId('setup-password').fill(ADMIN.password);
  await page.getByTestId('setup-confirm').fill(ADMIN.password);
  await page.getByTestId('setup-submit').click();
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByTestId('empty-state').filter({ hasText: 'No open conversations' })).toBeVisible(); // the list's, not the reading pane's
  // Setup is offered once only.
  await page.goto('/setup');
  await expect(page).not.toHaveURL(/\/setup/);
});

test('an admin connects a Messenger Page and gets the webhook URL and verify token to paste into Meta', async ({ page, request }) => {
  await signIn(page, ADMIN);
  await page.getByTestId('nav-admin-inboxes').click();
  await page.getByTestId('add-inbox-button').click();
  await page.getByRole('radio', { name: 'Facebook Messenger' }).check({ force: true }); // a visually hidden radio inside its card
  await page.getByTestId('inbox-name').fill('Acme Support');
  await page.getByTestId('field-pageId').fill(PAGE.pageId);
  await page.getByTestId('field-pageAccessToken').fill(PAGE.accessToken);
  // A wrong secret-less submit shows the field error beside the field.
  await page.getByTestId('create-inbox-submit').click();
  await expect(page.getByTestId('field-error-appSecret')).toBeVisible();
  await page.getByTestId('field-appSecret').fill(PAGE.appSecret);
  await page.getByText('Advanced').click();
  await page.getByTestId('field-apiBaseUrl').fill(process.env.E2E_SIM_URL!);
  await page.getByTestId('create-inbox-submit').click();

  const result = page.getByTestId('inbox-setup-result');
  await expect(result).toBeVisible();
  const webhookUrl = await page.getByTestId('webhook-url').inputValue();
  const verifyToken = await page.getByTestId('verify-token').inputValue();
  expect(webhookUrl).toMatch(/\/api\/webhooks\/messenger\/[A-Za-z0-9_-]+$/);
  expect(verifyToken.length).toBeGreaterThan(10);

  // "Verify and save" on Meta's side: the simulator performs the hub.challenge handshake.
  const added = await sim(request, '/_sim/pages', { ...PAGE, name: 'Acme Support', webhookUrl, verifyToken });
  expect(added.verified).toBe(true);
  // Slow receipts, no read receipt: each delivery state stays visible long enough to see.
  await sim(request, '/_sim/receipts', { pageId: PAGE.pageId, read: false });

  await page.getByTestId('test-connection-button').first().click();
  await expect(page.getByTestId('test-result').first()).toHaveAttribute('data-ok', 'true');
});

test('an admin adds an agent', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByTestId('nav-admin-users').click();
  await page.getByTestId('user-name-input').fill(AGENT.name);
  await page.getByTestId('user-email-input').fill(AGENT.email);
  await page.getByTestId('user-password-input').fill(AGENT.password);
  await page.getByTestId('user-role-select').selectOption('agent');
  await page.getByTestId('create-user-submit').click();
  await expect(page.getByTestId('new-user-success')).toBeVisible();
  await expect(page.getByTestId('user-row').filter({ hasText: AGENT.email })).toBeVisible();
});

test('an agent sees a new customer message without reloading, replies, and watches it go sent then delivered', async ({ page, request }) => {
  await signIn(page, AGENT);
  await expect(page.getByTestId('nav-admin-inboxes')).toHaveCount(0); // agents do not manage inboxes

  await sim(request, '/_sim/customers/send', { pageId: PAGE.pageId, psid: '8800001', name: 'Ana Silva', text: 'Hi! Where is my order #1234? 📦' });
  const item = page.getByTestId('conversation-item').filter({ hasText: 'Where is my order #1234?' });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.getByTestId('contact-name')).toHaveText('Ana Silva');
  await expect(page.getByTestId('message').filter({ hasText: 'Where is my order #1234? 📦' })).toHaveAttribute('data-direction', 'inbound');

  await page.getByTestId('assign-me-button').click();
  await expect(page.getByTestId('assignee-name')).toContainText(AGENT.name);

  await page.getByTestId('reply-box').fill('Hello Ana — it ships today 🚚');
  await page.keyboard.press('Enter');
  const reply = page.getByTestId('message').filter({ hasText: 'Hello Ana — it ships today 🚚' });
  await expect(reply.getByTestId('message-status')).toHaveAttribute('data-status', 'sent');
  const sent = await sim(request, `/_sim/sent?pageId=${PAGE.pageId}&psid=8800001&count=1&waitMs=5000`);
  expect(sent.map((m: { text: string }) => m.text)).toEqual(['Hello Ana — it ships today 🚚']);
  await expect(reply.getByTestId('message-status')).toHaveAttribute('data-status', 'delivered');
});

test('customer text is shown as text, never run as HTML', async ({ page, request }) => {
  await signIn(page, AGENT);
  const evil = '<img src=x onerror="window.__pwned=1"> <b>bold?</b>';
  await sim(request, '/_sim/customers/send', { pageId: PAGE.pageId, psid: '8800002', text: evil });
  await page.getByTestId('conversation-item').filter({ hasText: 'bold?' }).click();
  await expect(page.getByTestId('message-text').filter({ hasText: evil })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('an agent resolves a conversation and it reopens when the customer writes again', async ({ page, request }) => {
  await signIn(page, AGENT);
  await page.getByTestId('conversation-item').filter({ hasText: 'Ana Silva' }).click();
  await page.getByTestId('resolve-button').click();
  await expect(page.getByTestId('conversation-status')).toHaveText(/resolved/i);
  await page.getByTestId('status-filter-open').click();
  await expect(page.getByTestId('conversation-item').filter({ hasText: 'Ana Silva' })).toHaveCount(0);
  await sim(request, '/_sim/customers/send', { pageId: PAGE.pageId, psid: '8800001', text: 'One more question' });
  await expect(page.getByTestId('conversation-item').filter({ hasText: 'One more question' })).toBeVisible();
});

test('pages carry a fresh nonce-based Content-Security-Policy and the security headers, and render styled under them', async ({ page }, testInfo) => {
  const first = await page.goto('/login');
  const headers = first!.headers();
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/]+={0,2})' 'strict-dynamic'/.exec(headers['content-security-policy'])?.[1];
  expect(nonce, headers['content-security-policy']).toBeTruthy();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['content-security-policy']).not.toContain('unsafe-eval');
  expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'cross-origin-opener-policy': 'same-origin' });
  expect(headers['strict-transport-security']).toBeUndefined(); // PUBLIC_URL is http here
  // Next put this response's nonce on every script it rendered.
  const scripts = await page.evaluate(() => Array.from(document.scripts, (s) => s.nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  const second = await page.goto('/login');
  expect(second!.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`);

  // The inbox renders styled (the live updates under this CSP are proven by the tests above).
  await signIn(page, AGENT);
  await expect(page.getByTestId('conversation-item').first()).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  await page.screenshot({ path: testInfo.outputPath('inbox.png'), fullPage: true });
  // Markup injected into the page (what an XSS would do) cannot run its inline handler.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/x-missing" onerror="window.__injected = 1">'));
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  cspViolations.length = 0; // the one violation this test caused on purpose
});
