/** How `npm run simulate` starts the Messenger simulator and connects it to a running Switchboard. */
import { type MessengerSimulator, startMessengerSimulator } from './server';

/** Stable fake credentials, so a Switchboard inbox created once keeps working across restarts. */
export const CLI_PAGE = {
  pageId: '104217156637689',
  name: 'Acme Support (simulated)',
  accessToken: 'EAAsim-page-token-104217156637689',
  appSecret: 'sim-app-secret-0123456789abcdef',
};

export interface CreatedInbox {
  id: string;
  webhookUrl: string;
  verifyToken: string;
}

export interface CliSimulatorHooks {
  /** Creates the inbox in Switchboard (POST /api/v1/inboxes) and returns it. */
  createInbox(channel: string, name: string, config: Record<string, string>): Promise<CreatedInbox>;
}

export async function startMessengerForCli(port: number, host: string) {
  const sim: MessengerSimulator = await startMessengerSimulator({ port, host });
  // Browsers and Switchboard resolve localhost to 127.0.0.1 or ::1; both reach a 127.0.0.1 listener via fallback.
  const publicUrl = `http://localhost:${new URL(sim.url).port}`;
  await sim.addPage(CLI_PAGE); // no webhook yet: the chat page or connect() adds it

  return {
    name: 'Facebook Messenger',
    url: publicUrl,
    instructions: () => [
      `Chat page (play the customer):  ${publicUrl}/`,
      `apiBaseUrl for the Messenger inbox in Switchboard:  ${publicUrl}`,
      `Page id ${CLI_PAGE.pageId}, page access token ${CLI_PAGE.accessToken}, app secret ${CLI_PAGE.appSecret}`,
    ],
    manualSteps: () => [
      'In Switchboard, create a Messenger inbox with the values above.',
      `Then on the chat page open "Add or update a page", paste the webhook URL and verify token Switchboard shows, and press "Verify and save".`,
    ],
    async connect(hooks: CliSimulatorHooks): Promise<string[]> {
      const config = { ...pick(CLI_PAGE), apiBaseUrl: publicUrl };
      const inbox = await hooks.createInbox('messenger', 'Messenger (simulator)', config);
      const result = await sim.addPage({ ...CLI_PAGE, webhookUrl: inbox.webhookUrl, verifyToken: inbox.verifyToken });
      return [
        `Created Switchboard inbox ${inbox.id}; webhook ${inbox.webhookUrl}`,
        result.verified
          ? 'Webhook verified (hub.challenge handshake passed).'
          : `Webhook NOT verified: ${result.error ?? `HTTP ${result.status} ${JSON.stringify(result.body.slice(0, 200))}`}`,
      ];
    },
    close: () => sim.close(),
  };
}

function pick(page: typeof CLI_PAGE) {
  return { pageId: page.pageId, pageAccessToken: page.accessToken, appSecret: page.appSecret };
}
