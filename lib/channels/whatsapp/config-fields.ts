/**
 * zod building blocks for WhatsApp-family config forms (Cloud API and 360dialog share them):
 * admin forms send "" for untouched fields, and every message is written for an admin.
 */
import { z } from 'zod';
import { providerBaseUrl } from '../shared/provider-url';
import { randomToken } from '../shared/tokens';

/** "" or whitespace means "not given", so defaults apply. */
export const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Type errors for a text field: "is required" when missing, "must be text" otherwise. */
export const required = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `${what} is required` : `${what} must be text`,
});

/** A required secret or credential; `where` tells the admin where to find it. */
export const requiredText = (what: string, where: string) =>
  z.string(required(what)).trim().min(1, { error: `${what} is required (${where})` });

/** A numeric Meta id kept as a string (ids exceed 2^53 and must never become numbers). */
export const numericId = (what: string, hint: string) =>
  z.string(required(what)).trim().regex(/^\d+$/, { error: `${what} must be the numeric id ${hint}` });

/** Generated when not given: a token the admin pastes into the provider, or that we register ourselves. */
export const generatedToken = (what: string) =>
  z
    .preprocess(blankToUndefined, z.string({ error: `${what} must be text` }).trim().optional())
    .transform((token) => token || randomToken(24));

/** A provider base URL with the real host as default; trailing slashes stripped (simulators live under paths). */
export const baseUrl = (defaultUrl: string) => providerBaseUrl(defaultUrl);
