/** Simplified channel marks in the same stroke style as ./icons (currentColor, hidden from screen readers). */
import { Svg, type IconProps } from './icons';

const WHATSAPP = (
  <>
    <path d="M3 21l1.65-4.6A9 9 0 1 1 7.6 19.4z" />
    <path d="M9.2 7.6c-.9.4-1.3 1.3-1 2.3.8 2.7 3.2 5.1 5.9 5.9 1 .3 1.9-.1 2.3-1l-2.1-1.4-1 .9c-1.1-.5-2.1-1.5-2.6-2.6l.9-1z" fill="currentColor" strokeWidth={1} />
  </>
);

/** WhatsApp's phone-in-a-bubble. */
export const WhatsAppIcon = (p: IconProps) => <Svg {...p}>{WHATSAPP}</Svg>;

/** WhatsApp through 360dialog: the WhatsApp mark, smaller, with a "360" tag. */
export const WhatsApp360Icon = (p: IconProps) => (
  <Svg {...p}>
    <g transform="scale(.78)" strokeWidth={2.5}>{WHATSAPP}</g>
    <rect x="10" y="14.5" width="14" height="9.5" rx="2.5" fill="currentColor" stroke="white" strokeWidth={1.5} />
    <text x="17" y="22" fontSize="7.5" fontWeight={700} fill="white" stroke="none" textAnchor="middle" fontFamily="Arial, sans-serif">
      360
    </text>
  </Svg>
);

/** Telegram's paper plane. */
export const TelegramIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M21.5 3.5 2.5 10.8l6.3 2.3 2.4 6.9 3.3-4.2 5 3.7z" />
    <path d="m8.8 13.1 8.7-6.6-6.3 8.1" />
  </Svg>
);

/** WeChat's two overlapping bubbles with eyes. */
export const WeChatIcon = (p: IconProps) => (
  <Svg {...p}>
    <path d="M15.5 9.1C15 6.2 12.1 4 8.6 4 4.9 4 2 6.5 2 9.6c0 1.8 1 3.4 2.6 4.4L4 16.2l2.6-1.3c.6.2 1.3.3 2 .3" />
    <path d="M22 14.6c0-2.7-2.6-4.9-5.8-4.9s-5.8 2.2-5.8 4.9 2.6 4.9 5.8 4.9c.6 0 1.2-.1 1.8-.2l2.3 1.2-.5-2c1.4-.9 2.2-2.3 2.2-3.9z" />
    <path d="M6.2 8.5h.01M11 8.5h.01M14.3 14.2h.01M18.2 14.2h.01" strokeWidth={2.6} />
  </Svg>
);

/** Microsoft Teams (Bot Framework): a "T" tile with a person beside it. */
export const TeamsIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect x="2" y="7" width="13" height="13" rx="2" />
    <path d="M5.5 10.5h6M8.5 10.5v6.5" />
    <circle cx="18.5" cy="5.5" r="2.5" />
    <path d="M15 10h5.5a1.5 1.5 0 0 1 1.5 1.5V15a3.5 3.5 0 0 1-7 0" />
  </Svg>
);
