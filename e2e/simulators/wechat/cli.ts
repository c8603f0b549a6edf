/** How `npm run simulate` starts the WeChat simulator and connects it to a running Switchboard. */
import { startWeChatSimulator, type WeChatSimulator } from './server';

/** Stable fake credentials, so a Switchboard inbox created once keeps working across restarts. */
export const CLI_ACCOUNT = {
  appId: 'wx5e1a0b2c3d4e5f60',
  appSecret: 'sim0app0secret0123456789abcdef00',
  ghId: 'gh_5e1a0b2c3d4e',
  name: 'Acme 客服 (simulated)',
  token: 'simToken0123456789',
  encodingAesKey: 'simEncodingAesKey0123456789abcdefghijklmnop',
  mode: 'safe' as const,
};

export interface CreatedInbox {
  id: string;
  webhookUrl: string;
}

export interface CliSimulatorHooks {
  /** Creates the inbox in Switchboard (POST /api/v1/inboxes) and returns it. */
  createInbox(channel: string, name: string, config: Record<string, string>): Promise<CreatedInbox>;
}

export async function startWeChatForCli(port: number, host: string) {
  const sim: WeChatSimulator = await startWeChatSimulator({ port, host });
  // Browsers and Switchboard resolve localhost to 127.0.0.1 or ::1; both reach a 127.0.0.1 listener via fallback.
  const publicUrl = `http://localhost:${new URL(sim.url).port}`;
  await sim.registerAccount(CLI_ACCOUNT); // no server URL yet: the chat page or connect() adds it

  return {
    name: 'WeChat Official Account',
    url: publicUrl,
    instructions: () => [
      `Chat page (play the follower):  ${publicUrl}/`,
      `apiBaseUrl for the WeChat inbox in Switchboard:  ${publicUrl}`,
      `AppID ${CLI_ACCOUNT.appId}, AppSecret ${CLI_ACCOUNT.appSecret}, mode ${CLI_ACCOUNT.mode}`,
    ],
    manualSteps: () => [
      'In Switchboard, create a WeChat inbox with the values above.',
      'Then on the chat page open "Server configuration", paste the webhook URL, token and EncodingAESKey Switchboard shows, choose the same mode and press "Submit".',
    ],
    async connect(hooks: CliSimulatorHooks): Promise<string[]> {
      // We choose the token and key (the connector keeps given values), so nothing has to be read back.
      const { appId, appSecret, token, encodingAesKey, mode } = CLI_ACCOUNT;
      const inbox = await hooks.createInbox('wechat', 'WeChat (simulator)', { appId, appSecret, token, encodingAesKey, mode, apiBaseUrl: publicUrl });
      const { verification } = await sim.registerAccount({ ...CLI_ACCOUNT, webhookUrl: inbox.webhookUrl });
      return [
        `Created Switchboard inbox ${inbox.id}; server URL ${inbox.webhookUrl}`,
        verification?.verified
          ? 'Server URL verified (signature + echostr check passed).'
          : `Server URL NOT verified: ${verification?.error ?? `HTTP ${verification?.status} ${JSON.stringify(verification?.body.slice(0, 200))}`}`,
      ];
    },
    close: () => sim.close(),
  };
}
