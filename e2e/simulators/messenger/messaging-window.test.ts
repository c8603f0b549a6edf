import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWindow } from './messaging-window';
import type { MessengerSimulator } from './server';
import { PAGE, PSID, sendApi, startFastSimulator, textReply } from './test-support';

const HOUR = 3_600_000;

describe('checkWindow', () => {
  const now = Date.UTC(2026, 0, 10);
  it('allows RESPONSE/UPDATE for 24 h and HUMAN_AGENT for 7 days', () => {
    expect(checkWindow('RESPONSE', undefined, now - 23 * HOUR, now)).toBeNull();
    expect(checkWindow('UPDATE', undefined, now - 25 * HOUR, now)?.spec).toMatchObject({ code: 10, subcode: 2018278 });
    expect(checkWindow('MESSAGE_TAG', 'HUMAN_AGENT', now - 6 * 24 * HOUR, now)).toBeNull();
    expect(checkWindow('MESSAGE_TAG', 'HUMAN_AGENT', now - 8 * 24 * HOUR, now)?.spec.code).toBe(10);
    expect(checkWindow('MESSAGE_TAG', 'ACCOUNT_UPDATE', now - 30 * 24 * HOUR, now)).toBeNull();
    expect(checkWindow(undefined, undefined, null, now)?.spec.code).toBe(10);
  });
});

describe('window enforcement through the Send API', () => {
  let sim: MessengerSimulator;
  const humanAgent = (text: string) => textReply(text, { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });

  beforeAll(async () => {
    sim = await startFastSimulator();
    await sim.addPage(PAGE); // no webhook URL: receipts are skipped
  });
  afterAll(() => sim.close());

  it('rejects RESPONSE 24 h after the last inbound message with 10/2018278', async () => {
    sim.setLastInbound(PAGE.pageId, PSID, new Date(Date.now() - 23 * HOUR));
    expect((await sendApi(sim, textReply('inside'))).status).toBe(200);

    sim.setLastInbound(PAGE.pageId, PSID, new Date(Date.now() - 25 * HOUR));
    const { status, json } = await sendApi(sim, textReply('outside'));
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 10, error_subcode: 2018278, message: '(#10) This message is sent outside of allowed window.' });
    const update = await sendApi(sim, textReply('outside', { messaging_type: 'UPDATE' }));
    expect(update.json.error.error_subcode).toBe(2018278);
  });

  it('accepts HUMAN_AGENT within 7 days and rejects it after', async () => {
    sim.setLastInbound(PAGE.pageId, PSID, Date.now() - 6 * 24 * HOUR);
    expect((await sendApi(sim, humanAgent('still ok'))).status).toBe(200);
    expect(sim.sent().at(-1)).toMatchObject({ messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', text: 'still ok' });

    sim.setLastInbound(PAGE.pageId, PSID, new Date(Date.now() - 8 * 24 * HOUR).toISOString());
    const { json } = await sendApi(sim, humanAgent('too late'));
    expect(json.error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });

  it('a new customer message reopens the window', async () => {
    sim.setLastInbound(PAGE.pageId, PSID, Date.now() - 30 * 24 * HOUR);
    expect((await sendApi(sim, textReply('closed'))).status).toBe(400);
    sim.setLastInbound(PAGE.pageId, PSID, Date.now());
    expect((await sendApi(sim, textReply('open again'))).status).toBe(200);
  });
});
