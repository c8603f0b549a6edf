import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { providerBaseUrl } from '../shared/provider-url';

/** Admin forms send "" for untouched optional fields: treat it as "not given" so defaults apply. */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Type errors for a text field: "is required" when missing, "must be text" otherwise. */
const required = (what: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `${what} is required` : `${what} must be text`,
});

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random letters and digits: WeChat's console accepts nothing else in Token and EncodingAESKey. */
export function randomAlphanumeric(length: number): string {
  // 62 does not divide 256: reject the top bytes so every character is equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

/** 43 characters whose base64 decoding (after appending "=") is exactly 32 bytes: the AES-256 key. */
export function isValidEncodingAesKey(key: string): boolean {
  return /^[A-Za-z0-9+/]{43}$/.test(key) && Buffer.from(`${key}=`, 'base64').length === 32;
}

export const WECHAT_MODES = ['plain', 'compatible', 'safe'] as const;
export type WeChatMode = (typeof WECHAT_MODES)[number];

const objectSchema = z.object({
  appId: z
    .string(required('AppID'))
    .trim()
    .regex(/^wx[0-9A-Za-z]{16}$/, { error: 'AppID must look like wx followed by 16 letters or digits (Settings → Basic configuration)' })
    .meta({ title: 'AppID', description: 'Settings → Basic configuration (开发 → 基本配置)' }),
  appSecret: z
    .string(required('AppSecret'))
    .trim()
    .min(1, { error: 'AppSecret is required (Settings → Basic configuration → AppSecret)' })
    .meta({ title: 'AppSecret' }),
  // Generated when not given: the admin pastes it into WeChat's server configuration (Token field).
  token: z
    .preprocess(
      blankToUndefined,
      z.string({ error: 'Token must be text' }).trim()
        .regex(/^[A-Za-z0-9]{3,32}$/, { error: 'Token must be 3 to 32 letters or digits (WeChat rejects anything else)' })
        .optional(),
    )
    .transform((token) => token ?? randomAlphanumeric(32))
    .meta({ title: 'Token', description: 'Leave empty to generate one (or choose 8 to 32 letters and digits), then paste it into WeChat’s server configuration' }),
  encodingAesKey: z.preprocess(
    blankToUndefined,
    z.string({ error: 'EncodingAESKey must be text' }).trim()
      .refine(isValidEncodingAesKey, { error: 'EncodingAESKey must be the 43 letters and digits shown in WeChat’s server configuration' })
      .optional(),
  ).meta({ title: 'EncodingAESKey', description: 'Leave empty to generate one (encrypted modes), then paste it into WeChat’s server configuration' }),
  mode: z.preprocess(
    blankToUndefined,
    z.enum(WECHAT_MODES, { error: 'Message encryption mode must be plain, compatible or safe (as chosen in WeChat’s server configuration)' })
      .default('plain'),
  ).meta({ title: 'Message encryption mode', description: 'plain (明文), compatible (兼容) or safe (安全): the same as in WeChat' }),
  apiBaseUrl: providerBaseUrl('https://api.weixin.qq.com'),
  // WeChat's per-window reply cap (errcode 45047). Published numbers vary (5, 20): configurable.
  windowMessageCap: z.preprocess(
    (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : blankToUndefined(value)),
    z.number({ error: 'Replies per customer message must be a whole number from 1 to 100' })
      .int({ error: 'Replies per customer message must be a whole number from 1 to 100' })
      .min(1, { error: 'Replies per customer message must be at least 1' })
      .max(100, { error: 'Replies per customer message must be at most 100' })
      .default(5),
  ).meta({ title: 'Replies per customer message', description: 'WeChat refuses more (errcode 45047) until the customer writes again' }),
});

/**
 * Encrypted modes need an EncodingAESKey: one is generated when the admin gave none, to paste
 * into WeChat's console together with the token. Plain mode keeps whatever was given (or none).
 */
export const wechatConfigSchema = objectSchema.transform((config) => ({
  ...config,
  encodingAesKey: config.encodingAesKey ?? (config.mode === 'plain' ? undefined : randomAlphanumeric(43)),
}));

export type WeChatConfig = z.output<typeof wechatConfigSchema>;

/**
 * WeChat accepts tokens of 3 to 32 letters and digits, and inboxes created with short ones keep
 * working. But in plain mode the token is all that authenticates a request, so a new inbox needs
 * at least 8 characters (the generated one has 32).
 */
export const NEW_TOKEN_MIN_LENGTH = 8;
export const wechatNewConfigSchema: z.ZodType<WeChatConfig> = wechatConfigSchema.refine(
  (config) => config.token.length >= NEW_TOKEN_MIN_LENGTH,
  { path: ['token'], error: `Token must be at least ${NEW_TOKEN_MIN_LENGTH} letters or digits for a new inbox (WeChat allows 3, but a short token can be guessed): leave it empty to generate one` },
);

export const wechatSecretFields = ['appSecret'] as const;
/**
 * The EncodingAESKey is a symmetric key, so it would normally be a secret field. But WeChat has no
 * API to set it: the admin must paste the same value into the Official Account console, so it has
 * to be shown after the inbox is created, like the token. Fields are secret XOR public (contract),
 * so it is a public setup field; whoever can see it can decrypt messages, so the inbox settings
 * page is the only place it should be shown (admins only).
 */
export const wechatPublicSetupFields = ['token', 'encodingAesKey'] as const;
