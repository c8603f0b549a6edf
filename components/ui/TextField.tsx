'use client';
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { Field, fieldAria, inputClass } from './Field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  errorTestId?: string;
}

export function TextField({ label, hint, error, errorTestId, className, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error} errorTestId={errorTestId}>
      <input {...fieldAria(id, hint, error)} className={className ?? inputClass} {...input} />
    </Field>
  );
}
