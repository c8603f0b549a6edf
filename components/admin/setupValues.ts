/** Pure logic behind the values an admin pastes into a provider's console (the inbox's `setup`). */
import type { InboxSetup } from '@/lib/client/types';

export interface SetupEntry {
  key: string;
  label: string;
  value: string;
  /** `verify-token` for verifyToken (kept for existing tests), otherwise `setup-<kebab-key>`. */
  testId: string;
}

const LABELS: Record<string, string> = {
  verifyToken: 'Verify token',
  token: 'Token',
  encodingAesKey: 'EncodingAESKey',
  secretToken: 'Secret token',
  appId: 'App ID',
};

/** camelCase / snake_case → "Sentence case", keeping known spellings. */
export function setupLabel(key: string): string {
  if (Object.hasOwn(LABELS, key)) return LABELS[key];
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

export function setupTestId(key: string): string {
  if (key === 'verifyToken') return 'verify-token';
  const kebab = key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `setup-${kebab || 'value'}`;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() ? value : null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/**
 * Every value of `setup` worth showing, in the server's order; `verifyToken` (also a top-level
 * field of the inbox) is included even when `setup` lacks it. Empty values are left out.
 */
export function setupEntries(inbox: { setup?: InboxSetup | null; verifyToken?: string | null }): SetupEntry[] {
  const setup: InboxSetup = { ...(inbox.setup ?? {}) };
  if (asText(setup.verifyToken) === null && inbox.verifyToken) setup.verifyToken = inbox.verifyToken;
  const entries: SetupEntry[] = [];
  for (const [key, raw] of Object.entries(setup)) {
    const value = asText(raw);
    if (value !== null) entries.push({ key, label: setupLabel(key), value, testId: setupTestId(key) });
  }
  return entries;
}
