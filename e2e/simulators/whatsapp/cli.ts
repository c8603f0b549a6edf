/** How `npm run simulate` starts the WhatsApp simulator and connects it to a running Switchboard. */
import { startWhatsAppSimulator, type WhatsAppSimulator } from './server';

/** Stable fake credentials, so inboxes created once keep working across restarts. Two numbers, one WABA. */
export const CLI_NUMBERS = [
  { mode: 'cloud' as const, phoneNumberId: '106540352242922', wabaId: '102290129340398', displayPhoneNumber: '+1 555-078-3881', verifiedName: 'Acme Support (simulated)', accessToken: 'EAAsim-system-user-token-102290129340398', appSecret: 'sim-wa-app-secret-0123456789abcdef' },
  { mode: 'cloud' as const, phoneNumberId: '106540352242923', wabaId: '102290129340398', displayPhoneNumber: '+1 555-078-3882', verifiedName: 'Acme Sales (simulated)', accessToken: 'EAAsim-system-user-token-102290129340398', appSecret: 'sim-wa-app-secret-0123456789abcdef' },
];
export const CLI_360 = { mode: '360' as const, phoneNumberId: '106540352242924', wabaId: '102290129340399', displayPhoneNumber: '+49 30 901820', verifiedName: 'Acme DE via 360dialog (simulated)', apiKey: 'sim-d360-api-key-0123456789' };

export interface CreatedInbox {
  id: string;
  webhookUrl: string;
  verifyToken: string;
}

export interface CliSimulatorHooks {
  createInbox(channel: string, name: string, config: Record<string, string>): Promise<CreatedInbox>;
}

export async function startWhatsAppForCli(port: number, host: string) {
  const sim: WhatsAppSimulator = await startWhatsAppSimulator({ port, host, statusDelayMs: 800 });
  // Browsers and Switchboard resolve localhost to 127.0.0.1 or ::1; both reach a 127.0.0.1 listener via fallback.
  const publicUrl = `http://localhost:${new URL(sim.url).port}`;
  for (const number of [...CLI_NUMBERS, CLI_360]) await sim.registerAccount(number);

  return {
    name: 'WhatsApp (Cloud API and 360dialog)',
    url: publicUrl,
    instructions: () => [
      `Chat page (play the customer):  ${publicUrl}/`,
      `apiBaseUrl for WhatsApp inboxes in Switchboard:  ${publicUrl}`,
      ...CLI_NUMBERS.map((n) => `Cloud number ${n.displayPhoneNumber}: phoneNumberId ${n.phoneNumberId}, wabaId ${n.wabaId}, accessToken ${n.accessToken}, appSecret ${n.appSecret}`),
      `360dialog number ${CLI_360.displayPhoneNumber}: apiKey ${CLI_360.apiKey}`,
    ],
    manualSteps: () => [
      'In Switchboard, create a WhatsApp (Cloud API) inbox per number with the values above (apiBaseUrl included).',
      `Then register each webhook here: POST ${publicUrl}/_sim/accounts with the number's values plus the webhookUrl and verifyToken Switchboard shows (the hub.challenge handshake runs).`,
      `For 360dialog: create a WhatsApp (360dialog) inbox with the apiKey and apiBaseUrl ${publicUrl}; Switchboard registers its webhook through POST /v1/configs/webhook.`,
    ],
    async connect(hooks: CliSimulatorHooks): Promise<string[]> {
      const lines: string[] = [];
      for (const number of CLI_NUMBERS) {
        const config = { phoneNumberId: number.phoneNumberId, wabaId: number.wabaId, accessToken: number.accessToken, appSecret: number.appSecret, apiBaseUrl: publicUrl };
        const inbox = await hooks.createInbox('whatsapp', `WhatsApp ${number.displayPhoneNumber} (simulator)`, config);
        const result = await sim.registerAccount({ ...number, webhookUrl: inbox.webhookUrl, verifyToken: inbox.verifyToken });
        lines.push(
          `Created Switchboard inbox ${inbox.id} for ${number.displayPhoneNumber}; webhook ${inbox.webhookUrl}`,
          result.verified ? '  Webhook verified (hub.challenge handshake passed).' : `  Webhook NOT verified: ${result.error ?? `HTTP ${result.status} ${JSON.stringify((result.body ?? '').slice(0, 200))}`}`,
        );
      }
      return lines;
    },
    close: () => sim.close(),
  };
}
