/**
 * Starts the provider simulators for the whole run (Playwright's runner keeps them alive while the
 * tests run) and publishes their URLs to the tests through the environment.
 */
import { startBotFrameworkSimulator } from './simulators/botframework/server';
import { startMessengerSimulator } from './simulators/messenger/server';
import { startTelegramSimulator } from './simulators/telegram/server';
import { startWeChatSimulator } from './simulators/wechat/server';
import { startWhatsAppSimulator } from './simulators/whatsapp/server';

export default async function globalSetup() {
  // Slow receipts make each delivery state observable in the UI (sent, then delivered).
  const messenger = await startMessengerSimulator({ port: Number(process.env.E2E_SIM_PORT ?? 4199), receiptDelayMs: [1200, 1500], retrySchedule: [500, 1000] });
  const botframework = await startBotFrameworkSimulator();
  // The app under test listens on plain http://localhost (real Telegram would require https).
  const telegram = await startTelegramSimulator({ allowHttpWebhooks: true });
  const wechat = await startWeChatSimulator();
  const whatsapp = await startWhatsAppSimulator();
  process.env.E2E_SIM_URL = messenger.url;
  process.env.E2E_BF_URL = botframework.url;
  process.env.E2E_TG_URL = telegram.url;
  process.env.E2E_WX_URL = wechat.url;
  process.env.E2E_WA_URL = whatsapp.url;
  return async () => {
    await Promise.all([messenger.close(), botframework.close(), telegram.close(), wechat.close(), whatsapp.close()]);
  };
}
