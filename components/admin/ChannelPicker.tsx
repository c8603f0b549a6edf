'use client';
import { ChannelIcon } from '@/components/ui/ChannelIcon';
import { cn } from '@/components/ui/cn';
import type { Channel } from '@/lib/client/types';

/** Radio cards, one per available channel. */
export function ChannelPicker({ channels, value, onChange }: { channels: Channel[]; value: string; onChange: (key: string) => void }) {
  return (
    <fieldset>
      <legend className="mb-1.5 text-xs font-medium text-gray-700">Channel</legend>
      <div className="flex flex-wrap gap-2" data-testid="channel-select">
        {channels.map((c) => (
          <label
            key={c.key}
            className={cn(
              'flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600',
              value === c.key ? 'border-indigo-500 bg-indigo-50 text-indigo-900' : 'border-gray-300 bg-white hover:bg-gray-50',
            )}
          >
            <input
              type="radio"
              name="channel"
              value={c.key}
              checked={value === c.key}
              onChange={() => onChange(c.key)}
              className="sr-only"
              data-testid={`channel-option-${c.key}`}
            />
            <ChannelIcon channel={c.key} label={c.displayName} decorative />
            <span className="font-medium">{c.displayName}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
