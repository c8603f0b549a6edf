import { describe, expect, it } from 'vitest';
import { messengerWindow, replyPolicy } from './window';

const LAST = new Date('2026-03-01T10:00:00Z');
const after = (hours: number) => new Date(LAST.getTime() + hours * 3600_000);
const off = { humanAgentTag: false };
const on = { humanAgentTag: true };

describe('messengerWindow', () => {
  it('is open for 24 h after the customer wrote', () => {
    expect(messengerWindow(LAST, after(1), off)).toEqual({ open: true, closesAt: after(24), allowedWhenClosed: [] });
    expect(messengerWindow(LAST, after(23.99), on)).toMatchObject({ open: true, closesAt: after(24) });
  });

  it('closes at exactly 24 h without the tag, with a note for the agent', () => {
    const state = messengerWindow(LAST, after(24), off);
    expect(state).toMatchObject({ open: false, closesAt: after(24), allowedWhenClosed: [] });
    expect(state.note).toBe(
      'The 24-hour reply window closed at 2026-03-02T10:00:00.000Z; Messenger accepts no free-form replies until the customer writes again',
    );
  });

  it('with the HUMAN_AGENT tag, stays open until 7 days and says so', () => {
    const state = messengerWindow(LAST, after(30), on);
    expect(state).toMatchObject({ open: true, closesAt: after(168) });
    expect(state.note).toContain('HUMAN_AGENT');
    expect(messengerWindow(LAST, after(168), on)).toMatchObject({ open: false, closesAt: after(168) });
  });

  it('is closed when the customer never wrote', () => {
    expect(messengerWindow(null, after(0), on)).toMatchObject({ open: false, closesAt: null, allowedWhenClosed: [] });
  });
});

describe('replyPolicy', () => {
  it('picks the messaging type send() uses', () => {
    expect(replyPolicy(LAST, after(2), on)).toMatchObject({ messagingType: 'RESPONSE' });
    expect(replyPolicy(LAST, after(25), on)).toMatchObject({ messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect(replyPolicy(LAST, after(25), off)).toBeNull();
    expect(replyPolicy(null, after(0), on)).toBeNull();
  });
});
