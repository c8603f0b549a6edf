'use client';
import { useId } from 'react';
import { CopyButton } from './CopyButton';

/** A read-only value (webhook URL, token) with a copy button. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-gray-600">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
          className="h-8 min-w-0 flex-1 rounded-md border border-gray-300 bg-gray-50 px-2 font-mono text-xs text-gray-800"
        />
        <CopyButton value={value} label={label} testId={testId ? `${testId}-copy` : undefined} />
      </div>
    </div>
  );
}
