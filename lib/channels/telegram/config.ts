import { z } from 'zod';
import { providerBaseUrl } from '../shared/provider-url';
import { randomToken } from '../shared/tokens';

/** Admin forms send "" for untouched optional fields: treat it as "not given" so defaults apply. */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** @BotFather tokens: the bot's numeric id, a colon, then 35 url-safe characters. */
export const BOT_TOKEN_PATTERN = /^\d{1,20}:[A-Za-z0-9_-]{35}$/;
/** What setWebhook accepts as secret_token (PROTOCOLS.md 5a). */
export const SECRET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

export const telegramConfigSchema = z.object({
  botToken: z
    .string({ error: (issue) => (issue.input === undefined ? 'Bot token is required' : 'Bot token must be text') })
    .trim()
    .regex(BOT_TOKEN_PATTERN, {
      error: 'Bot token must look like 123456789:AAH… — the digits, a colon and 35 letters, digits, _ or -, exactly as @BotFather shows it',
    }),
  // Generated when not given. Switchboard hands it to Telegram itself (registerWebhook), so the
  // admin never has to copy it anywhere: it is a secret, not a setup field.
  secretToken: z
    .preprocess(
      blankToUndefined,
      z
        .string({ error: 'Secret token must be text' })
        .trim()
        .regex(SECRET_TOKEN_PATTERN, { error: 'Secret token must be 1–256 characters of A-Z, a-z, 0-9, _ or - (Telegram refuses anything else)' })
        .optional(),
    )
    .transform((token) => token ?? randomToken(24)),
  apiBaseUrl: providerBaseUrl('https://api.telegram.org'),
});

export type TelegramConfig = z.output<typeof telegramConfigSchema>;

export const telegramSecretFields = ['botToken', 'secretToken'] as const;
/** Nothing to paste into Telegram: registerWebhook sends the URL and secret token itself. */
export const telegramPublicSetupFields = [] as const;
