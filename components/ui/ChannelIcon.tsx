import type { ComponentType, SVGProps } from 'react';
import { cn } from './cn';
import { ChatIcon, MessengerIcon } from './icons';

type Icon = ComponentType<SVGProps<SVGSVGElement> & { size?: number }>;

// Presentation only: a channel without an entry here gets the generic chat bubble.
const CHANNEL_ICONS: Record<string, { Icon: Icon; color: string }> = {
  messenger: { Icon: MessengerIcon, color: 'text-blue-600' },
};

/** The channel's icon; `label` (e.g. "Messenger") makes it announced, otherwise it is decorative. */
export function ChannelIcon({ channel, label, size = 16, className }: { channel: string; label?: string; size?: number; className?: string }) {
  const { Icon, color } = CHANNEL_ICONS[channel] ?? { Icon: ChatIcon, color: 'text-gray-500' };
  return (
    <span className={cn('inline-flex shrink-0', color, className)} title={label ?? channel} data-channel={channel}>
      <Icon size={size} />
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
