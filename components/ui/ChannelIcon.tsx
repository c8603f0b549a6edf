import type { ComponentType, SVGProps } from 'react';
import { channelLabel } from './channelMeta';
import { TeamsIcon, TelegramIcon, WeChatIcon, WhatsApp360Icon, WhatsAppIcon } from './channelIcons';
import { cn } from './cn';
import { ChatIcon, MessengerIcon } from './icons';

type Icon = ComponentType<SVGProps<SVGSVGElement> & { size?: number }>;

// Presentation only: a channel without an entry here gets the generic chat bubble.
const CHANNEL_ICONS: Record<string, { Icon: Icon; color: string }> = {
  messenger: { Icon: MessengerIcon, color: 'text-blue-600' },
  whatsapp: { Icon: WhatsAppIcon, color: 'text-green-600' },
  whatsapp360: { Icon: WhatsApp360Icon, color: 'text-teal-700' },
  wechat: { Icon: WeChatIcon, color: 'text-emerald-600' },
  botframework: { Icon: TeamsIcon, color: 'text-violet-600' },
  telegram: { Icon: TelegramIcon, color: 'text-sky-600' },
};
const FALLBACK = { Icon: ChatIcon, color: 'text-gray-500' };

interface Props {
  channel: string;
  /** Accessible name; defaults to the channel's readable name ("WhatsApp (360dialog)"). */
  label?: string;
  /** Set when the channel name is already written next to the icon: then it is not announced twice. */
  decorative?: boolean;
  size?: number;
  className?: string;
}

/** The channel's icon, announced as the channel's name unless `decorative`; the name is also its tooltip. */
export function ChannelIcon({ channel, label, decorative, size = 16, className }: Props) {
  const { Icon, color } = Object.hasOwn(CHANNEL_ICONS, channel) ? CHANNEL_ICONS[channel] : FALLBACK;
  const name = label ?? channelLabel(channel);
  return (
    <span className={cn('inline-flex shrink-0', color, className)} title={name} data-channel={channel}>
      <Icon size={size} />
      {decorative ? null : <span className="sr-only">{name}</span>}
    </span>
  );
}
