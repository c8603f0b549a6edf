import { describe, expect, it } from 'vitest';
import { channelLabel, isKnownChannel } from './channelMeta';

describe('channel labels', () => {
  it('names every built-in channel', () => {
    expect(channelLabel('messenger')).toBe('Messenger');
    expect(channelLabel('whatsapp')).toBe('WhatsApp');
    expect(channelLabel('whatsapp360')).toBe('WhatsApp (360dialog)');
    expect(channelLabel('wechat')).toBe('WeChat');
    expect(channelLabel('botframework')).toBe('Microsoft Teams / Bot Framework');
    expect(channelLabel('telegram')).toBe('Telegram');
  });

  it('falls back to the key for channels it does not know', () => {
    expect(channelLabel('line')).toBe('line');
    expect(channelLabel('')).toBe('Channel');
    expect(isKnownChannel('line')).toBe(false);
    expect(isKnownChannel('toString')).toBe(false);
    expect(channelLabel('toString')).toBe('toString');
  });
});
