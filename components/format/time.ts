/** Time formatting for dense lists and threads; `now` is passed in so a shared clock re-renders them. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const longDate = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function toMs(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** "now", "5m", "3h", "2d", then "Mar 5". */
export function relativeShort(iso: string, now: number): string {
  const diff = Math.max(0, now - toMs(iso));
  if (diff < MINUTE) return 'now';
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)}m`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)}h`;
  if (diff < 7 * DAY) return `${Math.floor(diff / DAY)}d`;
  return shortDate.format(toMs(iso));
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function relativeLong(iso: string, now: number): string {
  const diff = Math.max(0, now - toMs(iso));
  if (diff < MINUTE) return 'just now';
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)} min ago`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)} h ago`;
  if (diff < 7 * DAY) return `${Math.floor(diff / DAY)} days ago`;
  return full.format(toMs(iso));
}

/** A remaining duration in words: "45 min", "2 h 10 min", "5 h", "2 days". */
export function durationWords(ms: number): string {
  if (ms < MINUTE) return 'less than a minute';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  // Rounded down (never promise more time than is left), with minutes while they still matter.
  if (ms < 3 * HOUR) {
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return `${Math.floor(ms / HOUR)} h${minutes ? ` ${minutes} min` : ''}`;
  }
  if (ms < 2 * DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} days`;
}

export function formatClock(iso: string): string {
  return clock.format(toMs(iso));
}

export function formatFull(iso: string): string {
  return full.format(toMs(iso));
}

/** Thread day separators: "Today", "Yesterday", or the date. */
export function dayLabel(iso: string, now: number): string {
  const day = new Date(toMs(iso)).toDateString();
  if (day === new Date(now).toDateString()) return 'Today';
  if (day === new Date(now - DAY).toDateString()) return 'Yesterday';
  return longDate.format(toMs(iso));
}

export function msUntil(iso: string, now: number): number {
  return toMs(iso) - now;
}
