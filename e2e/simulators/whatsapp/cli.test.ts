import { afterEach, describe, expect, it } from 'vitest';
import { whatsappConnector } from '../../../lib/channels/whatsapp';
import type { startMessengerForCli } from '../messenger/cli';
import { CLI_NUMBERS, startWhatsAppForCli } from './cli';
import { startIngress } from './ingress-double';

describe('startWhatsAppForCli (npm run simulate)', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0)) await fn();
  });

  it('has the RunningSimulator shape of the Messenger CLI entry, and prints usable instructions', async () => {
    // Compile-time: assignable to what main.ts already runs for Messenger.
    const running: Awaited<ReturnType<typeof startMessengerForCli>> = await startWhatsAppForCli(0, '127.0.0.1');
    cleanup.push(() => running.close());
    expect(running.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(running.instructions().join('\n')).toContain(CLI_NUMBERS[0].phoneNumberId);
    expect(running.manualSteps().length).toBeGreaterThan(0);
    const accounts = (await (await fetch(`${running.url.replace('localhost', '127.0.0.1')}/_sim/accounts`)).json()) as unknown[];
    expect(accounts).toHaveLength(3);
  });

  it('connect() creates one whatsapp inbox per Cloud number and verifies each webhook with the connector', async () => {
    const running = await startWhatsAppForCli(0, '127.0.0.1');
    cleanup.push(() => running.close());
    const created: { channel: string; config: Record<string, string> }[] = [];
    const inboxes = CLI_NUMBERS.map((n, i) => ({
      path: `/api/webhooks/whatsapp/inbox_${i}`,
      config: whatsappConnector.configSchema.parse({ ...n, verifyToken: `vt-${i}` }),
    }));
    const ingress = await startIngress(Object.fromEntries(inboxes.map((b) => [b.path, { connector: whatsappConnector, config: b.config }])));
    cleanup.push(() => ingress.close());

    const lines = await running.connect({
      async createInbox(channel, _name, config) {
        created.push({ channel, config });
        const i = created.length - 1;
        return { id: `inbox_${i}`, webhookUrl: ingress.url(inboxes[i].path), verifyToken: `vt-${i}` };
      },
    });
    expect(created.map((c) => [c.channel, c.config.phoneNumberId, c.config.apiBaseUrl])).toEqual(
      CLI_NUMBERS.map((n) => ['whatsapp', n.phoneNumberId, running.url]),
    );
    expect(lines.filter((l) => l.includes('Webhook verified'))).toHaveLength(2);
  });
});
