'use client';
import { useId } from 'react';
import { Field, fieldAria, inputClass } from '@/components/ui/Field';
import type { ChannelField } from '@/lib/client/types';

interface Props {
  field: ChannelField;
  value: string | boolean;
  error?: string;
  onChange: (value: string | boolean) => void;
}

/** One channel config field: text, URL, secret (password input) or checkbox. */
export function ConfigFieldInput({ field: f, value, error, onChange }: Props) {
  const id = useId();

  if (f.type === 'boolean') {
    return (
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          {...fieldAria(id, f.description, error)}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
          data-testid={`field-${f.name}`}
          className="mt-0.5 h-4 w-4 rounded border-gray-300 accent-indigo-600"
        />
        <div>
          <label htmlFor={id} className="font-medium text-gray-800">
            {f.label}
          </label>
          {f.description ? <p id={`${id}-hint`} className="text-xs text-gray-500">{f.description}</p> : null}
          {error ? <p id={`${id}-error`} className="text-xs text-red-700" data-testid={`field-error-${f.name}`}>{error}</p> : null}
        </div>
      </div>
    );
  }

  return (
    <Field
      id={id}
      label={
        <>
          {f.label}
          {!f.required ? <span className="font-normal text-gray-400"> (optional)</span> : null}
        </>
      }
      hint={f.description}
      error={error}
      errorTestId={`field-error-${f.name}`}
    >
      <input
        {...fieldAria(id, f.description, error)}
        type={f.secret ? 'password' : f.type === 'url' ? 'url' : 'text'}
        // Secrets are credentials for the provider, not for this site: keep password managers out.
        autoComplete={f.secret ? 'new-password' : 'off'}
        spellCheck={false}
        required={f.required}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
        data-testid={`field-${f.name}`}
        className={`${inputClass} ${f.secret || f.type === 'url' ? 'font-mono text-xs' : ''}`}
      />
    </Field>
  );
}
