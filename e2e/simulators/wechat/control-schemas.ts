/** zod schemas for every control input (typed methods and /_sim/ HTTP share them). */
import { z } from 'zod';
import { HttpError } from '../http';

const appId = z.string().regex(/^wx[0-9A-Za-z]{16}$/, 'appId must be "wx" followed by 16 letters or digits');
const openId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'openId must be 6-64 letters, digits, "-" or "_"');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const key43 = z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'encodingAesKey must be 43 letters or digits');

export const registerAccountSchema = z
  .strictObject({
    appId,
    appSecret: z.string().min(1),
    ghId: z.string().regex(/^gh_[0-9a-z]{6,20}$/, 'ghId must look like gh_123456789abc').optional(),
    name: z.string().min(1).max(200).default('Simulated Official Account'),
    token: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'token must be 3-32 letters or digits (WeChat’s rule)'),
    encodingAesKey: key43.optional(),
    mode: z.enum(['plain', 'compatible', 'safe']).default('plain'),
    webhookUrl: httpUrl.optional(),
    ipWhitelist: z.array(z.string().min(1)).max(200).optional(),
  })
  .refine((a) => a.mode === 'plain' || a.encodingAesKey, { message: 'compatible and safe mode need an encodingAesKey', path: ['encodingAesKey'] });

const common = {
  appId,
  /** Omit to have a new follower write (a fresh OpenID is generated). */
  openId: openId.optional(),
  name: z.string().min(1).max(200).optional(),
  /** Wait for the final outcome (all retries) instead of the first attempt only. */
  wait: z.boolean().optional(),
};
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

export const followerSendSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...common, type: z.literal('text'), content: z.string().min(1).max(20_000) }),
  z.strictObject({ ...common, type: z.literal('image'), picUrl: httpUrl.optional() }),
  z.strictObject({ ...common, type: z.literal('voice'), recognition: z.string().max(2000).optional() }),
  z.strictObject({ ...common, type: z.literal('location'), latitude, longitude, label: z.string().max(500).default(''), scale: z.number().int().min(1).max(30).default(15) }),
  z.strictObject({ ...common, type: z.literal('link'), title: z.string().min(1).max(500), description: z.string().max(2000).default(''), url: httpUrl }),
  z.strictObject({ ...common, type: z.literal('click'), eventKey: z.string().min(1).max(128) }),
  z.strictObject({ ...common, type: z.literal('scan'), eventKey: z.string().min(1).max(64) }),
  z.strictObject({ ...common, type: z.literal('subscribe'), qrScene: z.string().min(1).max(64).optional() }),
  z.strictObject({ ...common, type: z.literal('unsubscribe') }),
  z.strictObject({ ...common, type: z.literal('location_report'), latitude, longitude, precision: z.number().nonnegative().default(65) }),
], { error: 'type must be one of text, image, voice, location, link, click, scan, subscribe, unsubscribe, location_report' });

export const failNextSchema = z
  .strictObject({
    appId,
    endpoint: z.enum(['token', 'send', 'upload', 'media_get', 'any']).default('send'),
    errcode: z.number().int(),
    errmsg: z.string().min(1).max(500).optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    times: z.number().int().min(1).max(10_000).default(1),
  });

export const advanceClockSchema = z
  .strictObject({ ms: z.number().int().min(0).optional(), seconds: z.number().min(0).optional(), hours: z.number().min(0).optional() })
  .refine((v) => [v.ms, v.seconds, v.hours].filter((x) => x !== undefined).length === 1, 'give exactly one of ms, seconds or hours');

export const resetSchema = z.strictObject({ keepAccounts: z.boolean().default(false) });

export const listQuerySchema = z.strictObject({
  appId: appId.optional(),
  openId: openId.optional(),
  /** Long poll: wait up to waitMs for at least count results. */
  count: z.coerce.number().int().min(1).max(100_000).optional(),
  waitMs: z.coerce.number().int().min(0).max(60_000).optional(),
});
export const conversationQuerySchema = z.strictObject({ appId, openId });
export const appQuerySchema = z.strictObject({ appId: appId.optional() });

/** Parses or throws HttpError(400) with a readable list of problems. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError(400, { error: `invalid input: ${z.prettifyError(result.error)}` });
  return result.data;
}
