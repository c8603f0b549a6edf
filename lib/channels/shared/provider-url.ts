/**
 * Provider base URLs an admin types into a channel's config (API base, OpenID metadata, token
 * endpoint). They must be https:// on a public host; http: or a loopback/private host is accepted
 * only with ALLOW_INSECURE_PROVIDER_URLS=true (local simulators). Link-local hosts (169.254.x,
 * fe80::, the cloud metadata service) are never accepted.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { readSetting } from '@/lib/env';
import { refusedAddressReason } from '@/lib/net/address-policy';

const INSECURE_HINT = '(set ALLOW_INSECURE_PROVIDER_URLS=true for local simulators)';

/** Why `value` may not be used as a provider URL now, or null. Reads the setting on every call. */
export function providerUrlProblem(what: string, value: string, allowInsecure = readSetting('ALLOW_INSECURE_PROVIDER_URLS')): string | null {
  const url = new URL(value);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const range = isIP(host) ? refusedAddressReason(host, { allowLoopback: false }) : null;
  if (range === 'linkLocal') return `${what} must not point to a link-local address (169.254.x.x, fe80::)`;
  if (allowInsecure) return null;
  if (url.protocol !== 'https:') return `${what} must be an https:// URL ${INSECURE_HINT}`;
  if (range || host === 'localhost' || host.endsWith('.localhost')) return `${what} must be on a public host, not a loopback or private address ${INSECURE_HINT}`;
  return null;
}

/** An http(s) URL passing `providerUrlProblem`; compose with `.default()` / `.optional()` as needed. */
export function providerUrl(what: string, example: string) {
  return z
    .url({ protocol: /^https?$/, error: `${what} must be an https:// URL, e.g. ${example}` })
    .superRefine((value, ctx) => {
      if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) return; // z.url already said why
      const problem = providerUrlProblem(what, value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** "" or whitespace means "not given", so defaults apply. */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A provider base URL with the real host as default; trailing slashes stripped (simulators live under paths). */
export function providerBaseUrl(defaultUrl: string, what = 'API base URL') {
  return z.preprocess(blankToUndefined, providerUrl(what, defaultUrl).default(defaultUrl)).transform((url) => url.replace(/\/+$/, ''));
}
