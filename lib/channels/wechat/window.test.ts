import { describe, expect, it } from 'vitest';
import { wechatWindow } from './window';

const NOW = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);
const config = { windowMessageCap: 5 };

describe('wechatWindow', () => {
  it('is open for 48 h after the last customer interaction, with the cap in the note', () => {
    const state = wechatWindow(hoursAgo(47.9), NOW, config, { sentSinceInbound: 2 });
    expect(state).toMatchObject({ open: true, closesAt: new Date(hoursAgo(47.9).getTime() + 48 * 3600_000), allowedWhenClosed: [] });
    expect(state.note).toMatch(/3 of 5 more replies/);
    expect(wechatWindow(hoursAgo(1), NOW, config).note).toMatch(/up to 5 more replies/);
  });

  it('closes at 48 h, before any customer message, and once the cap is used', () => {
    expect(wechatWindow(hoursAgo(48), NOW, config)).toMatchObject({ open: false, closesAt: NOW, allowedWhenClosed: [] });
    expect(wechatWindow(null, NOW, config)).toMatchObject({ open: false, closesAt: null });
    const capped = wechatWindow(hoursAgo(1), NOW, config, { sentSinceInbound: 5 });
    expect(capped).toMatchObject({ open: false, closesAt: NOW, allowedWhenClosed: [] });
    expect(capped.note).toMatch(/Reply limit reached: WeChat allows 5 replies per customer message/);
    expect(wechatWindow(hoursAgo(1), NOW, { windowMessageCap: 20 }, { sentSinceInbound: 5 }).open).toBe(true);
  });
});
