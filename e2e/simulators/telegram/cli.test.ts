import { afterEach, describe, expect, it } from 'vitest';
import { CLI_BOT, CLI_SECRET_TOKEN, startTelegramForCli } from './cli';
import { ANA, startReceiver } from './test-support';

describe('startTelegramForCli', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('has the RunningSimulator shape and connects: creates a telegram inbox, then setWebhook with an http URL', async () => {
    const receiver = await startReceiver();
    const sim = await startTelegramForCli(0, '127.0.0.1');
    closers.push(() => sim.close(), () => receiver.close());
    expect(sim.name).toBe('Telegram');
    expect(sim.instructions().join('\n')).toContain(CLI_BOT.token);
    expect(sim.manualSteps().length).toBeGreaterThan(0);

    const created: unknown[] = [];
    const lines = await sim.connect({
      createInbox: async (channel, name, config) => {
        created.push({ channel, name, config });
        return { id: 'inbox_1', webhookUrl: receiver.url };
      },
    });
    expect(created).toEqual([{ channel: 'telegram', name: 'Telegram (simulator)', config: { botToken: CLI_BOT.token, secretToken: CLI_SECRET_TOKEN, apiBaseUrl: sim.url } }]);
    expect(lines).toEqual([`Created Switchboard inbox inbox_1; webhook ${receiver.url}`, 'Webhook set (Webhook was set).']);

    // The webhook is live: a user's message reaches the receiver with the secret token.
    await fetch(`${sim.url}/_sim/users/send`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ from: ANA, text: 'hi' }) });
    const [post] = await receiver.waitForPosts(1);
    expect(post.headers['x-telegram-bot-api-secret-token']).toBe(CLI_SECRET_TOKEN);
  });
});
