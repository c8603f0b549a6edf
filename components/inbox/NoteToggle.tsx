'use client';
import { cn } from '@/components/ui/cn';
import { LockIcon } from '@/components/ui/icons';

/** Switches the reply box between a customer reply and a private note. */
export function NoteToggle({ isNote, onChange }: { isNote: boolean; onChange: (next: boolean) => void }) {
  return (
    <button
      type="button"
      aria-pressed={isNote}
      onClick={() => onChange(!isNote)}
      data-testid="note-toggle"
      className={cn(
        'inline-flex items-center gap-1.5 rounded-md border px-2 py-1 text-xs font-medium',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
        isNote ? 'border-amber-300 bg-amber-100 text-amber-900' : 'border-gray-300 bg-white text-gray-700 hover:bg-gray-50',
      )}
    >
      <LockIcon size={12} />
      Private note
    </button>
  );
}
