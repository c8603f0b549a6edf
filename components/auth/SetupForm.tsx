'use client';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Button } from '@/components/ui/Button';
import { TextField } from '@/components/ui/TextField';
import { isApiError, errorMessage } from '@/lib/client/api';
import { useCreateFirstAdmin } from '@/lib/client/queries';
import { FormError } from './FormError';

const schema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name'),
    email: z.string().trim().toLowerCase().email('Enter a valid email address'),
    password: z.string().min(10, 'Use at least 10 characters'),
    confirm: z.string(),
    setupCode: z.string().trim(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' });

type Values = z.input<typeof schema>;
type Errors = Partial<Record<keyof Values, string>>;

/** `codeRequired`: the browser is not on the server itself, so the terminal's setup code is asked for. */
export function SetupForm({ codeRequired }: { codeRequired: boolean }) {
  const [values, setValues] = useState<Values>({ name: '', email: '', password: '', confirm: '', setupCode: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const create = useCreateFirstAdmin();

  const set = (key: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof Values] ??= issue.message;
      setErrors(next);
      return;
    }
    if (codeRequired && !parsed.data.setupCode) {
      setErrors({ setupCode: 'Enter the setup code shown in the terminal' });
      return;
    }
    setErrors({});
    const { name, email, password, setupCode } = parsed.data;
    create.mutate(
      { name, email, password, ...(codeRequired && { setupCode }) },
      {
        onSuccess: async () => {
          setSigningIn(true);
          const result = await signIn('credentials', { email, password, redirect: false }).catch(() => undefined);
          window.location.assign(result?.ok && !result.error ? '/inbox' : '/login');
        },
        onError: (error) => {
          if (isApiError(error, 'already_set_up')) setFormError('Switchboard is already set up. Sign in with an existing account.');
          else if (isApiError(error) && error.fields) setErrors(error.fields as Errors);
          else setFormError(errorMessage(error));
        },
      },
    );
  }

  const busy = create.isPending || signingIn;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" data-testid="setup-form" noValidate>
      <FormError message={formError} testId="setup-error" />
      {codeRequired && (
        <TextField
          label="Setup code"
          autoComplete="off"
          autoFocus
          hint="Printed in the terminal where Switchboard was started (or run `npm run cli -- setup:code` on the server)."
          value={values.setupCode}
          onChange={set('setupCode')}
          error={errors.setupCode}
          data-testid="setup-code"
        />
      )}
      <TextField label="Your name" autoComplete="name" autoFocus={!codeRequired} value={values.name} onChange={set('name')} error={errors.name} data-testid="setup-name" />
      <TextField label="Email" type="email" autoComplete="username" value={values.email} onChange={set('email')} error={errors.email} data-testid="setup-email" />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        value={values.password}
        onChange={set('password')}
        error={errors.password}
        data-testid="setup-password"
      />
      <TextField
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        value={values.confirm}
        onChange={set('confirm')}
        error={errors.confirm}
        data-testid="setup-confirm"
      />
      <Button type="submit" variant="primary" loading={busy} data-testid="setup-submit">
        {signingIn ? 'Signing in…' : 'Create admin account'}
      </Button>
    </form>
  );
}
