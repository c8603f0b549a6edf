import { z } from 'zod';
import { providerBaseUrl } from '../shared/provider-url';
import { randomToken } from '../shared/tokens';

/** Admin forms send "" for untouched optional fields: treat it as "not given" so defaults apply. */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Type errors for a text field: "is required" when missing, "must be text" otherwise. */
const required = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `${what} is required` : `${what} must be text`,
});

export const messengerConfigSchema = z.object({
  pageId: z
    .string(required('Page ID'))
    .trim()
    .regex(/^\d+$/, { error: 'Page ID must be the numeric id of your Facebook Page' }),
  pageAccessToken: z
    .string(required('Page access token'))
    .trim()
    .min(1, { error: 'Page access token is required (Meta app → Messenger → Access tokens)' }),
  appSecret: z
    .string(required('App secret'))
    .trim()
    .min(1, { error: 'App secret is required (Meta app → Settings → Basic)' }),
  // Generated when not given: the admin pastes it into the Meta app's webhook settings.
  verifyToken: z
    .preprocess(blankToUndefined, z.string({ error: 'Verify token must be text' }).trim().optional())
    .transform((token) => token || randomToken(24)),
  apiBaseUrl: providerBaseUrl('https://graph.facebook.com'),
  apiVersion: z
    .preprocess(
      blankToUndefined,
      z
        .string({ error: 'Graph API version must be text like v23.0' })
        .regex(/^v\d+\.\d+$/, { error: 'Graph API version must look like v23.0' })
        .default('v23.0'),
    ),
  // Needs Meta's Human Agent permission (App Review): lets agents reply for 7 days instead of 24 h.
  humanAgentTag: z
    .boolean({ error: 'Human agent tag must be on or off' })
    .default(false),
});

export type MessengerConfig = z.output<typeof messengerConfigSchema>;

export const messengerSecretFields = ['pageAccessToken', 'appSecret'] as const;
export const messengerPublicSetupFields = ['verifyToken'] as const;
