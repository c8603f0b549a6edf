'use client';
import { useId, useState } from 'react';
import { KeyIcon } from '@/components/ui/icons';
import type { SetupEntry } from './setupValues';
import { SetupValueFields } from './SetupValueFields';

/** In the inbox list: the setup values, hidden until asked for (they are as sensitive as passwords). */
export function InboxSetupToggle({ entries }: { entries: SetupEntry[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (entries.length === 0) return null;
  return (
    <div className="mt-1.5 pl-6">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
        data-testid="inbox-setup-values-toggle"
        className="inline-flex items-center gap-1 rounded text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <KeyIcon size={12} />
        {open ? 'Hide setup values' : 'Show setup values'}
      </button>
      <div id={id} className="mt-2" hidden={!open}>
        {/* Not rendered while closed: the values never sit in the page unseen. */}
        {open ? <SetupValueFields entries={entries} testIdPrefix="inbox-" /> : null}
      </div>
    </div>
  );
}
