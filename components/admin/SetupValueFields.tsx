import { CopyField } from '@/components/ui/CopyField';
import type { SetupEntry } from './setupValues';

/** The inbox's setup values (verify token, token, EncodingAESKey…), each with a copy button. */
export function SetupValueFields({ entries, testIdPrefix = '' }: { entries: SetupEntry[]; testIdPrefix?: string }) {
  if (entries.length === 0) return null;
  return (
    <div className="flex flex-col gap-3" data-testid={`${testIdPrefix}setup-values`}>
      {entries.map((e) => (
        <CopyField key={e.key} label={e.label} value={e.value} testId={`${testIdPrefix}${e.testId}`} />
      ))}
      <p className="text-xs text-gray-500">Only admins can see these values. Treat them like passwords.</p>
    </div>
  );
}
