/** How `npm run simulate` starts the Bot Framework simulator and connects it to a running Switchboard. */
import { type BotFrameworkSimulator, startBotFrameworkSimulator } from './server';

/** Stable fake credentials, so a Switchboard inbox created once keeps working across restarts. */
export const CLI_BOT = {
  appId: '9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a',
  password: 'sim-client-secret~0123456789abcdef',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  name: 'SupportBot',
};

export interface CliSimulatorHooks {
  /** Creates the inbox in Switchboard (POST /api/v1/inboxes) and returns it. */
  createInbox(channel: string, name: string, config: Record<string, string>): Promise<{ id: string; webhookUrl: string }>;
}

export async function startBotFrameworkForCli(port: number, host: string) {
  const sim: BotFrameworkSimulator = await startBotFrameworkSimulator({ port, host });
  const publicUrl = `http://localhost:${new URL(sim.url).port}`;
  const info = sim.info(CLI_BOT.tenantId);
  const inboxConfig = {
    appId: CLI_BOT.appId, appPassword: CLI_BOT.password, tenantId: CLI_BOT.tenantId,
    openIdMetadataUrl: info.openIdMetadataUrl, tokenEndpoint: info.tokenEndpoint,
  };
  sim.registerBot(CLI_BOT); // no messaging endpoint yet: connect() or the chat page adds it

  return {
    name: 'Microsoft Bot Framework (Teams)',
    url: publicUrl,
    instructions: () => [
      `Chat page (play the Teams user):  ${publicUrl}/`,
      `App ID ${CLI_BOT.appId}, app password ${CLI_BOT.password}, tenant ID ${CLI_BOT.tenantId}`,
      `openIdMetadataUrl ${info.openIdMetadataUrl}`,
      `tokenEndpoint ${info.tokenEndpoint}`,
    ],
    manualSteps: () => [
      'In Switchboard, create a Bot Framework inbox with the values above.',
      'Then on the chat page open "Register or update a bot", paste the webhook URL Switchboard shows as the messaging endpoint, and save.',
    ],
    async connect(hooks: CliSimulatorHooks): Promise<string[]> {
      const inbox = await hooks.createInbox('botframework', 'Teams (simulator)', inboxConfig);
      sim.registerBot({ ...CLI_BOT, messagingEndpoint: inbox.webhookUrl });
      return [
        `Created Switchboard inbox ${inbox.id}; messaging endpoint ${inbox.webhookUrl}`,
        'Bot Framework has no handshake: write on the chat page to send a signed activity.',
      ];
    },
    close: () => sim.close(),
  };
}
