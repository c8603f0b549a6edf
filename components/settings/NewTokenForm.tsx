'use client';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { TextField } from '@/components/ui/TextField';
import { errorMessage } from '@/lib/client/api';
import { useCreateToken } from '@/lib/client/queries';
import type { CreatedToken } from '@/lib/client/types';

export function NewTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useCreateToken();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) return setError('Name the token after what will use it, e.g. “CRM sync”.');
    setError(null);
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (token) => {
          setName('');
          onCreated(token);
        },
        onError: (err) => setError(errorMessage(err)),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex items-start gap-2" data-testid="new-token-form">
      <div className="w-72">
        <TextField
          label="New token name"
          placeholder="e.g. CRM sync"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={error}
          errorTestId="new-token-error"
          data-testid="token-name-input"
        />
      </div>
      <Button type="submit" variant="primary" className="mt-[22px]" loading={create.isPending} data-testid="create-token-submit">
        Create token
      </Button>
    </form>
  );
}
