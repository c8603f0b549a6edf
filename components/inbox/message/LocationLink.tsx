import { PinIcon } from '@/components/ui/icons';
import type { GeoLocation } from '@/lib/client/types';
import { mapUrl } from './safeUrl';

/** A shared location as a link to OpenStreetMap. */
export function LocationLink({ location: l }: { location: GeoLocation }) {
  const href = mapUrl(l.latitude, l.longitude);
  const label = l.name || l.address || `${l.latitude.toFixed(5)}, ${l.longitude.toFixed(5)}`;
  const sub = l.name && l.address ? l.address : null;
  const body = (
    <>
      <PinIcon size={14} className="mt-0.5 shrink-0" />
      <span className="min-w-0">
        <span className="block truncate">{label}</span>
        {sub ? <span className="block truncate text-xs text-gray-500">{sub}</span> : null}
      </span>
    </>
  );
  const common = 'flex max-w-full items-start gap-1.5 rounded border border-gray-200 bg-white/70 px-2 py-1';
  if (!href) return <span className={common} data-testid="message-location">{body}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={`${common} text-indigo-700 hover:underline`} data-testid="message-location">
      {body}
      <span className="sr-only">(map, opens in a new tab)</span>
    </a>
  );
}
