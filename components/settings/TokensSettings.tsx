'use client';
import { useState } from 'react';
import { PageContainer } from '@/components/ui/PageContainer';
import { PageHeader } from '@/components/ui/PageHeader';
import type { CreatedToken } from '@/lib/client/types';
import { CreatedTokenPanel } from './CreatedTokenPanel';
import { NewTokenForm } from './NewTokenForm';
import { TokenList } from './TokenList';

/** Settings › API tokens: personal tokens for the REST API. */
export function TokensSettings() {
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <PageContainer>
      <PageHeader title="API tokens" description="Personal tokens let scripts and integrations call the Switchboard API with your permissions." />
      {created ? <CreatedTokenPanel token={created} onDone={() => setCreated(null)} /> : <NewTokenForm onCreated={setCreated} />}
      <TokenList />
    </PageContainer>
  );
}
