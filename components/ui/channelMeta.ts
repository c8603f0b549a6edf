/** Presentation of channel keys: a readable name for each known connector, and a fallback. */

const LABELS: Record<string, string> = {
  messenger: 'Messenger',
  whatsapp: 'WhatsApp',
  whatsapp360: 'WhatsApp (360dialog)',
  wechat: 'WeChat',
  botframework: 'Microsoft Teams / Bot Framework',
  telegram: 'Telegram',
};

/** "WhatsApp (360dialog)" for `whatsapp360`; unknown keys are shown as given ("Channel" when blank). */
export function channelLabel(channel: string): string {
  return isKnownChannel(channel) ? LABELS[channel] : channel.trim() || 'Channel';
}

export function isKnownChannel(channel: string): boolean {
  return Object.hasOwn(LABELS, channel);
}
