/** Helpers for the end-to-end specs: the simulator's control API and signing in. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const simUrl = () => {
  const url = process.env.E2E_SIM_URL;
  if (!url) throw new Error('E2E_SIM_URL is not set: the global setup starts the simulator');
  return url;
};

export const PAGE = { pageId: '304217156637689', accessToken: 'EAA-e2e-page-token', appSecret: 'e2e-app-secret-0123456789' };
export const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery staple' };
export const AGENT = { name: 'Alan Agent', email: 'alan@example.com', password: 'another long password' };

export async function sim(request: APIRequestContext, path: string, body?: unknown) {
  const res = body === undefined ? await request.get(`${simUrl()}${path}`) : await request.post(`${simUrl()}${path}`, { data: body });
  expect(res.ok(), `${path}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/inbox/);
}

/**
 * Collects the page's Content-Security-Policy violations: Chromium's console report and the DOM's
 * `securitypolicyviolation` event (the init script runs outside the page's CSP).
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}:${e.lineNumber}`));
  });
  return violations;
}
