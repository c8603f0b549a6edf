'use client';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/components/auth/FormError';
import { Button } from '@/components/ui/Button';
import { TextField } from '@/components/ui/TextField';
import { errorMessage, isApiError } from '@/lib/client/api';
import { useCreateInbox } from '@/lib/client/queries';
import type { Channel, CreatedInbox } from '@/lib/client/types';
import { ConfigFieldInput } from './ConfigFieldInput';
import { initialValues, normaliseServerErrors, splitFields, toConfig, validate, type FieldErrors, type FormValues } from './inboxForm';

interface Props {
  channel: Channel;
  onCreated: (inbox: CreatedInbox) => void;
  onCancel: () => void;
}

/** Name + the channel's config fields; server validation errors land beside the matching field. */
export function InboxFieldsForm({ channel, onCreated, onCancel }: Props) {
  const [name, setName] = useState('');
  const [values, setValues] = useState<FormValues>(() => initialValues(channel.fields));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateInbox();
  const { main, advanced } = splitFields(channel.fields);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found = validate(channel.fields, values, name);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      { channel: channel.key, name: name.trim(), config: toConfig(channel.fields, values) },
      {
        onSuccess: onCreated,
        onError: (error) => {
          const fieldErrors = isApiError(error) ? normaliseServerErrors(error.fields) : {};
          setErrors(fieldErrors);
          setFormError(errorMessage(error));
        },
      },
    );
  }

  const renderField = (f: Channel['fields'][number]) => (
    <ConfigFieldInput
      key={f.name}
      field={f}
      value={values[f.name]}
      error={errors[f.name]}
      onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="new-inbox-form">
      <FormError message={formError} testId="new-inbox-error" />
      <TextField
        label="Inbox name"
        hint="Shown to agents, e.g. “Acme Support (Messenger)”."
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        errorTestId="field-error-name"
        data-testid="inbox-name"
      />
      {main.map(renderField)}
      {advanced.length > 0 ? (
        <details className="rounded-md border border-gray-200 px-3 py-2" open={advanced.some((f) => errors[f.name])}>
          <summary className="cursor-pointer text-xs font-medium text-gray-700">Advanced</summary>
          <div className="mt-3 flex flex-col gap-4">{advanced.map(renderField)}</div>
        </details>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" loading={create.isPending} data-testid="create-inbox-submit">
          Create inbox
        </Button>
      </div>
    </form>
  );
}
