'use client';
import { useEffect, useState } from 'react';
import { Button } from './Button';
import { copyText } from './copyText';
import { CopyIcon } from './icons';

/** "Copy" button with brief "Copied" feedback, announced to screen readers. */
export function CopyButton({ value, label, testId, compact }: { value: string; label: string; testId?: string; compact?: boolean }) {
  const [state, setState] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (!state) return;
    const t = setTimeout(() => setState(null), 2000);
    return () => clearTimeout(t);
  }, [state]);

  return (
    <>
      <Button
        size="sm"
        variant={compact ? 'ghost' : 'secondary'}
        onClick={async () => setState((await copyText(value)) ? 'copied' : 'failed')}
        aria-label={`Copy ${label}`}
        title={`Copy ${label}`}
        data-testid={testId ?? 'copy-button'}
      >
        <CopyIcon size={14} />
        {compact ? (state === 'copied' ? 'Copied' : null) : state === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span aria-live="polite" className="sr-only">
        {state === 'copied' ? `${label} copied` : state === 'failed' ? 'Copy failed: select the text and copy it by hand' : ''}
      </span>
    </>
  );
}
