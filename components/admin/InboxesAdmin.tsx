'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { PageContainer } from '@/components/ui/PageContainer';
import { PageHeader } from '@/components/ui/PageHeader';
import type { CreatedInbox } from '@/lib/client/types';
import { AdminOnly } from './AdminOnly';
import { FailedEvents } from './FailedEvents';
import { InboxList } from './InboxList';
import { InboxSetupResult } from './InboxSetupResult';
import { NewInboxForm } from './NewInboxForm';

type Step = { kind: 'list' } | { kind: 'form' } | { kind: 'created'; inbox: CreatedInbox };

/** Admin › Inboxes: the connected channel accounts and the "Add inbox" flow (form → setup panel). */
export function InboxesAdmin() {
  const [step, setStep] = useState<Step>({ kind: 'list' });
  return (
    <AdminOnly>
      <PageContainer>
        <PageHeader
          title="Inboxes"
          description="Each inbox is one connected channel account. Its conversations land in the shared inbox."
          actions={
            step.kind === 'list' ? (
              <Button variant="primary" onClick={() => setStep({ kind: 'form' })} data-testid="add-inbox-button">
                Add inbox
              </Button>
            ) : null
          }
        />
        {step.kind === 'form' ? (
          <NewInboxForm onCreated={(inbox) => setStep({ kind: 'created', inbox })} onCancel={() => setStep({ kind: 'list' })} />
        ) : null}
        {step.kind === 'created' ? <InboxSetupResult inbox={step.inbox} onDone={() => setStep({ kind: 'list' })} /> : null}
        <InboxList onAdd={() => setStep({ kind: 'form' })} />
        <FailedEvents />
      </PageContainer>
    </AdminOnly>
  );
}
