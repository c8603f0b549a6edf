'use client';
import { Button } from '@/components/ui/Button';
import { CopyField } from '@/components/ui/CopyField';
import { AlertIcon } from '@/components/ui/icons';
import type { CreatedToken } from '@/lib/client/types';

/** The new token's secret, shown this one time only. */
export function CreatedTokenPanel({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  return (
    <section data-testid="created-token" className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <p role="alert" className="flex items-start gap-2 font-medium text-amber-900">
        <AlertIcon size={16} className="mt-0.5 shrink-0" />
        Copy this token now. For your security it will not be shown again.
      </p>
      <CopyField label={`API token “${token.name}”`} value={token.token} testId="new-token-value" />
      <p className="text-xs text-amber-900">
        Send it as <code className="rounded bg-white/70 px-1">Authorization: Bearer &lt;token&gt;</code>. Anyone with it can act as you: keep it secret,
        and revoke it here if it leaks.
      </p>
      <div>
        <Button onClick={onDone} data-testid="created-token-done">
          I have copied it
        </Button>
      </div>
    </section>
  );
}
