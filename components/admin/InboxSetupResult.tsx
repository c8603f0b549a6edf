'use client';
import { useChannelName } from '@/components/hooks/useChannelName';
import { Button } from '@/components/ui/Button';
import { ChannelIcon } from '@/components/ui/ChannelIcon';
import { CopyField } from '@/components/ui/CopyField';
import { AlertIcon } from '@/components/ui/icons';
import { Panel } from '@/components/ui/Panel';
import type { CreatedInbox } from '@/lib/client/types';
import { RegisterWebhookButton } from './RegisterWebhookButton';
import { SetupSteps } from './setupSteps';
import { setupEntries } from './setupValues';
import { SetupValueFields } from './SetupValueFields';
import { TestConnectionButton } from './TestConnectionButton';
import { registersWebhookByApi, telegramWebhookProblem } from './webhookChecks';

/** Step 2: what to paste into the provider (or register by API), and a way to check the connection. */
export function InboxSetupResult({ inbox, onDone }: { inbox: CreatedInbox; onDone: () => void }) {
  const channelName = useChannelName(inbox.channel);
  const entries = setupEntries(inbox);
  const byApi = registersWebhookByApi(inbox.channel);
  const urlProblem = inbox.channel === 'telegram' ? telegramWebhookProblem(inbox.webhookUrl) : null;

  return (
    <Panel className="max-w-2xl" testId="inbox-setup-result">
      <div className="flex flex-col gap-4 p-4">
        <div className="flex items-center gap-2">
          <ChannelIcon channel={inbox.channel} label={channelName} size={18} decorative />
          <h2 className="font-semibold text-gray-900">
            “{inbox.name}” created: connect it to {channelName}
          </h2>
        </div>
        <CopyField label="Webhook URL" value={inbox.webhookUrl} testId="webhook-url" />
        {urlProblem ? (
          <p role="alert" data-testid="webhook-url-problem" className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900">
            <AlertIcon size={14} className="mt-px shrink-0" />
            {urlProblem}
          </p>
        ) : null}
        <SetupValueFields entries={entries} />
        <SetupSteps channel={inbox.channel} config={inbox.config} setupKeys={entries.map((e) => e.key)} />
        <div className="flex items-end justify-between gap-3 border-t border-gray-100 pt-4">
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            {/* Registering is the main step for API-registered channels; elsewhere testing comes first. */}
            {byApi ? <RegisterWebhookButton inboxId={inbox.id} primary /> : <TestConnectionButton inboxId={inbox.id} />}
            {byApi ? <TestConnectionButton inboxId={inbox.id} /> : <RegisterWebhookButton inboxId={inbox.id} />}
          </div>
          <Button variant={byApi ? 'secondary' : 'primary'} onClick={onDone} data-testid="setup-done-button">
            Done
          </Button>
        </div>
      </div>
    </Panel>
  );
}
