/**
 * How `npm run simulate` starts the Telegram simulator and connects it to a running Switchboard.
 * Register it in e2e/simulators/main.ts: `{ key: 'telegram', start: startTelegramForCli }`.
 */
import { setWebhookParams } from '../../../lib/channels/telegram/register-webhook';
import { startTelegramSimulator, type TelegramSimulator } from './server';

/** Stable fake credentials, so a Switchboard inbox created once keeps working across restarts. */
export const CLI_BOT = {
  token: '7000000001:AAsimulatedTelegramBotToken_0123456',
  username: 'switchboard_sim_bot',
  firstName: 'Acme Support (simulated)',
};
/** Fixed so a restarted simulator can re-register the webhook of an existing inbox. */
export const CLI_SECRET_TOKEN = 'sim-telegram-secret_0123456789';

export interface CreatedInbox {
  id: string;
  webhookUrl: string;
}

export interface CliSimulatorHooks {
  /** Creates the inbox in Switchboard (POST /api/v1/inboxes) and returns it. */
  createInbox(channel: string, name: string, config: Record<string, string>): Promise<CreatedInbox>;
}

export async function startTelegramForCli(port: number, host: string) {
  // Local Switchboard runs on http://localhost:3000: accept http webhooks on any port (real Telegram would not).
  const sim: TelegramSimulator = await startTelegramSimulator({ port, host, allowHttpWebhooks: true });
  const publicUrl = `http://localhost:${new URL(sim.url).port}`;
  sim.registerBot(CLI_BOT);

  /** setWebhook with exactly the parameters the connector's registerWebhook sends. */
  async function setWebhook(webhookUrl: string): Promise<string> {
    const res = await fetch(`${publicUrl}/bot${CLI_BOT.token}/setWebhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(setWebhookParams({ secretToken: CLI_SECRET_TOKEN }, webhookUrl)),
    });
    const answer = (await res.json()) as { ok: boolean; description?: string };
    return answer.ok ? `Webhook set (${answer.description}).` : `setWebhook failed: ${answer.description}`;
  }

  return {
    name: 'Telegram',
    url: publicUrl,
    instructions: () => [
      `Chat page (play Telegram users):  ${publicUrl}/`,
      `apiBaseUrl for the Telegram inbox in Switchboard:  ${publicUrl}`,
      `Bot @${CLI_BOT.username}, token ${CLI_BOT.token}, secret token ${CLI_SECRET_TOKEN}`,
    ],
    manualSteps: () => [
      'In Switchboard, create a Telegram inbox with the bot token, secret token and apiBaseUrl above.',
      'Switchboard registers its webhook with setWebhook; the simulator accepts http://localhost URLs (real Telegram requires HTTPS on 443, 80, 88 or 8443).',
    ],
    async connect(hooks: CliSimulatorHooks): Promise<string[]> {
      const config = { botToken: CLI_BOT.token, secretToken: CLI_SECRET_TOKEN, apiBaseUrl: publicUrl };
      const inbox = await hooks.createInbox('telegram', 'Telegram (simulator)', config);
      return [`Created Switchboard inbox ${inbox.id}; webhook ${inbox.webhookUrl}`, await setWebhook(inbox.webhookUrl)];
    },
    close: () => sim.close(),
  };
}
