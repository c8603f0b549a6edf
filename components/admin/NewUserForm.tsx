'use client';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { FormError } from '@/components/auth/FormError';
import { Button } from '@/components/ui/Button';
import { Panel } from '@/components/ui/Panel';
import { SelectField } from '@/components/ui/SelectField';
import { TextField } from '@/components/ui/TextField';
import { errorMessage, isApiError } from '@/lib/client/api';
import { useCreateUser } from '@/lib/client/queries';
import type { Role } from '@/lib/client/types';

const schema = z.object({
  name: z.string().trim().min(1, 'Enter a name'),
  email: z.string().trim().toLowerCase().email('Enter a valid email address'),
  password: z.string().min(10, 'Use at least 10 characters'),
  role: z.enum(['admin', 'manager', 'agent']),
});
type Values = z.input<typeof schema>;
type Errors = Partial<Record<keyof Values, string>>;

const EMPTY: Values = { name: '', email: '', password: '', role: 'agent' };
const ROLE_OPTIONS = [
  { value: 'agent', label: 'Agent: answers conversations' },
  { value: 'manager', label: 'Manager: agent + reports' },
  { value: 'admin', label: 'Admin: everything, incl. inboxes and users' },
];

export function NewUserForm() {
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const create = useCreateUser();
  const set = (key: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setCreated(null);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof Values] ??= issue.message;
      return setErrors(next);
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (user) => {
        setCreated(`${user.name} can now sign in with ${user.email}.`);
        setValues(EMPTY);
      },
      onError: (error) => {
        if (isApiError(error) && error.fields) setErrors(error.fields as Errors);
        setFormError(errorMessage(error));
      },
    });
  }

  return (
    <Panel title="Add user" className="self-start">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 p-4" data-testid="new-user-form">
        <FormError message={formError} testId="new-user-error" />
        {created ? <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-green-800" data-testid="new-user-success">{created}</p> : null}
        <TextField label="Name" autoComplete="off" value={values.name} onChange={set('name')} error={errors.name} data-testid="user-name-input" />
        <TextField label="Email" type="email" autoComplete="off" value={values.email} onChange={set('email')} error={errors.email} data-testid="user-email-input" />
        <TextField
          label="Initial password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters. Share it with them securely."
          value={values.password}
          onChange={set('password')}
          error={errors.password}
          data-testid="user-password-input"
        />
        <SelectField label="Role" value={values.role} onChange={(e) => setValues((v) => ({ ...v, role: e.target.value as Role }))} options={ROLE_OPTIONS} error={errors.role} data-testid="user-role-select" />
        <Button type="submit" variant="primary" loading={create.isPending} data-testid="create-user-submit">
          Add user
        </Button>
      </form>
    </Panel>
  );
}
