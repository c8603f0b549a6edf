/** Pure logic of the "Add inbox" form, driven entirely by the channel's field descriptions. */
import type { ChannelField, InboxConfig } from '@/lib/client/types';

export type FormValues = Record<string, string | boolean>;
export type FieldErrors = Record<string, string>;

export function initialValues(fields: ChannelField[]): FormValues {
  return Object.fromEntries(
    fields.map((f) => [f.name, f.type === 'boolean' ? f.default === true : typeof f.default === 'string' ? f.default : '']),
  );
}

/** Fields with a default are tucked under "Advanced"; everything else is asked up front. */
export function splitFields(fields: ChannelField[]) {
  return {
    main: fields.filter((f) => f.default === undefined),
    advanced: fields.filter((f) => f.default !== undefined),
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function validate(fields: ChannelField[], values: FormValues, name: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!name.trim()) errors.name = 'Give the inbox a name your team will recognise';
  for (const f of fields) {
    const v = values[f.name];
    if (f.type === 'boolean' || typeof v !== 'string') continue;
    if (f.required && !v.trim()) errors[f.name] = `${f.label} is required`;
    else if (f.type === 'url' && v.trim() && !isHttpUrl(v.trim())) errors[f.name] = 'Enter a full URL starting with https://';
  }
  return errors;
}

/** The config to send: trimmed strings, with blanks and untouched defaults left to the server. */
export function toConfig(fields: ChannelField[], values: FormValues): InboxConfig {
  const config: InboxConfig = {};
  for (const f of fields) {
    const v = values[f.name];
    if (typeof v === 'boolean') {
      if (v !== f.default) config[f.name] = v;
    } else if (v !== undefined) {
      const trimmed = v.trim();
      if (trimmed && trimmed !== f.default) config[f.name] = trimmed;
    }
  }
  return config;
}

/** Server field errors may be keyed `config.appSecret` or `appSecret`; the form uses the bare name. */
export function normaliseServerErrors(fields: Record<string, string> | undefined): FieldErrors {
  if (!fields) return {};
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^config\./, ''), String(v)]));
}
