import { describe, expect, it } from 'vitest';
import { CHAT_PAGE_SCRIPT } from './chat-page-script';
import { startFastSimulator } from './test-support';

describe('chat page', () => {
  it('is served at GET / as self-contained HTML', async () => {
    const sim = await startFastSimulator();
    const res = await fetch(`${sim.url}/`);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<title>WhatsApp simulator</title>');
    expect(html).not.toMatch(/<script src=|<link rel="stylesheet"/);
    await sim.close();
  });

  it('renders customer and app text with textContent only, and is valid JavaScript', () => {
    expect(CHAT_PAGE_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(() => new Function(CHAT_PAGE_SCRIPT)).not.toThrow();
  });
});
