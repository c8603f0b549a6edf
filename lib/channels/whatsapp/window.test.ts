import { describe, expect, it } from 'vitest';
import { whatsappWindow } from './window';

const LAST = new Date('2026-03-01T10:00:00Z');
const after = (hours: number) => new Date(LAST.getTime() + hours * 3600_000);

describe('whatsappWindow (24 h customer service window)', () => {
  it('is open for 24 h after the customer wrote; templates stay allowed', () => {
    expect(whatsappWindow(LAST, after(23.99))).toEqual({ open: true, closesAt: after(24), allowedWhenClosed: ['template'] });
  });

  it('closes at exactly 24 h and says only a template can go out', () => {
    expect(whatsappWindow(LAST, after(24))).toEqual({
      open: false, closesAt: after(24), allowedWhenClosed: ['template'],
      note: 'The 24-hour customer service window closed at 2026-03-02T10:00:00.000Z: only an approved template can be sent until the customer writes again',
    });
  });

  it('is closed when the customer never wrote', () => {
    expect(whatsappWindow(null, after(0))).toMatchObject({ open: false, closesAt: null, allowedWhenClosed: ['template'], note: expect.stringContaining('template') });
  });
});
