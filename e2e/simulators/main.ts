/**
 * `npm run simulate`: starts the provider simulators so a person can try Switchboard without provider
 * accounts. Each entry of SIMULATORS gets its own port (SIM_PORT, SIM_PORT + 1, ...).
 * With SWITCHBOARD_TOKEN set, each simulator also creates its inbox in Switchboard and registers the webhook.
 * The simulators are plain http on 127.0.0.1: start Switchboard with `ALLOW_INSECURE_PROVIDER_URLS=true npm start`.
 */
import { startBotFrameworkForCli } from './botframework/cli';
import { type CreatedInbox, startMessengerForCli } from './messenger/cli';
import { startTelegramForCli } from './telegram/cli';
import { startWeChatForCli } from './wechat/cli';
import { startWhatsAppForCli } from './whatsapp/cli';

interface RunningSimulator {
  name: string;
  instructions(): string[];
  manualSteps(): string[];
  connect(hooks: { createInbox: typeof createInbox }): Promise<string[]>;
  close(): Promise<void>;
}

/** Add other channels' simulators here. */
const SIMULATORS: { key: string; start(port: number, host: string): Promise<RunningSimulator> }[] = [
  { key: 'messenger', start: startMessengerForCli },
  { key: 'botframework', start: startBotFrameworkForCli },
  { key: 'wechat', start: startWeChatForCli },
  { key: 'telegram', start: startTelegramForCli },
  { key: 'whatsapp', start: startWhatsAppForCli },
];

const SWITCHBOARD_URL = process.env.SWITCHBOARD_URL ?? 'http://localhost:3000';
const SWITCHBOARD_TOKEN = process.env.SWITCHBOARD_TOKEN;

async function createInbox(channel: string, name: string, config: Record<string, string>): Promise<CreatedInbox> {
  const res = await fetch(new URL('/api/v1/inboxes', SWITCHBOARD_URL), {
    method: 'POST',
    headers: { Authorization: `Bearer ${SWITCHBOARD_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel, name, config }),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`Switchboard answered HTTP ${res.status}: ${text.slice(0, 500)}`);
  const inbox = JSON.parse(text) as CreatedInbox;
  // Accept a relative webhook URL too: it is relative to Switchboard.
  return { ...inbox, webhookUrl: new URL(inbox.webhookUrl, SWITCHBOARD_URL).toString() };
}

async function main(): Promise<void> {
  const basePort = Number(process.env.SIM_PORT ?? 4100);
  const host = process.env.SIM_HOST ?? '127.0.0.1';
  const running: RunningSimulator[] = [];
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1); // second Ctrl-C: do not wait
    stopping = true;
    console.log(`\n${signal}: stopping simulators…`);
    await Promise.allSettled(running.map((s) => s.close()));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  for (const [index, entry] of SIMULATORS.entries()) {
    const sim = await entry.start(basePort + index, host);
    running.push(sim);
    console.log(`\n== ${sim.name} simulator ==`);
    for (const line of sim.instructions()) console.log(`  ${line}`);
    if (!SWITCHBOARD_TOKEN) {
      for (const line of sim.manualSteps()) console.log(`  ${line}`);
      continue;
    }
    try {
      for (const line of await sim.connect({ createInbox })) console.log(`  ${line}`);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      console.log(`  Could not create the inbox in Switchboard at ${SWITCHBOARD_URL}: ${why}`);
      if (why.includes('ALLOW_INSECURE_PROVIDER_URLS')) console.log('  Restart Switchboard with ALLOW_INSECURE_PROVIDER_URLS=true npm start: the simulators are http on 127.0.0.1.');
      for (const line of sim.manualSteps()) console.log(`  ${line}`);
    }
  }
  if (!SWITCHBOARD_TOKEN) {
    console.log(`\nTip: set SWITCHBOARD_TOKEN (an API token) and SWITCHBOARD_URL (now ${SWITCHBOARD_URL}) to create the inboxes automatically.`);
  }
  console.log('\nPress Ctrl-C to stop.');
}

main().catch((err) => {
  const inUse = (err as NodeJS.ErrnoException)?.code === 'EADDRINUSE';
  console.error(inUse ? `A port is already in use (${(err as Error).message}); choose another with SIM_PORT.` : err instanceof Error ? err.message : err);
  process.exit(1);
});
