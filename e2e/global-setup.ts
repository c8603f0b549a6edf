/**
 * Starts the Messenger simulator for the whole run (Playwright's runner keeps it alive while the
 * tests run) and publishes its URL to the tests through the environment.
 */
import { startMessengerSimulator } from './simulators/messenger/server';

export default async function globalSetup() {
  // Slow receipts make each delivery state observable in the UI (sent, then delivered).
  const sim = await startMessengerSimulator({ port: Number(process.env.E2E_SIM_PORT ?? 4199), receiptDelayMs: [1200, 1500], retrySchedule: [500, 1000] });
  process.env.E2E_SIM_URL = sim.url;
  return async () => sim.close();
}
