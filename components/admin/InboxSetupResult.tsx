'use client';
import { Button } from '@/components/ui/Button';
import { ChannelIcon } from '@/components/ui/ChannelIcon';
import { CopyField } from '@/components/ui/CopyField';
import { Panel } from '@/components/ui/Panel';
import type { CreatedInbox } from '@/lib/client/types';
import { SetupSteps } from './setupSteps';
import { TestConnectionButton } from './TestConnectionButton';

/** Step 2: what to paste into the provider, and a way to check the connection. */
export function InboxSetupResult({ inbox, onDone }: { inbox: CreatedInbox; onDone: () => void }) {
  return (
    <Panel className="max-w-2xl" testId="inbox-setup-result">
      <div className="flex flex-col gap-4 p-4">
        <div className="flex items-center gap-2">
          <ChannelIcon channel={inbox.channel} size={18} />
          <h2 className="font-semibold text-gray-900">“{inbox.name}” created: connect it to the provider</h2>
        </div>
        <CopyField label="Webhook URL" value={inbox.webhookUrl} testId="webhook-url" />
        {inbox.verifyToken ? <CopyField label="Verify token" value={inbox.verifyToken} testId="verify-token" /> : null}
        <SetupSteps channel={inbox.channel} />
        <div className="flex items-center justify-between gap-3 border-t border-gray-100 pt-4">
          <TestConnectionButton inboxId={inbox.id} />
          <Button variant="primary" onClick={onDone} data-testid="setup-done-button">
            Done
          </Button>
        </div>
      </div>
    </Panel>
  );
}
