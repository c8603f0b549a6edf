/** zod schemas for every control input (typed methods and /_sim/ HTTP share them). */
import { z } from 'zod';
import { HttpError } from '../http';
import { TOKEN_VARIANTS } from './tokens';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const appId = z.string().regex(GUID, 'appId must be a GUID like 9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const tenantId = z.string().regex(/^([0-9a-f-]{36}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i, 'tenantId must be a tenant GUID, a tenant domain, or botframework.com (multi-tenant)');

export const registerBotSchema = z.strictObject({
  appId,
  password: z.string().min(1),
  tenantId,
  name: z.string().min(1).max(100).default('SupportBot'),
  messagingEndpoint: httpUrl.optional(),
});

const target = {
  appId,
  /** An existing conversation; without it the user's conversation of that type (created if needed). */
  conversationId: z.string().min(1).optional(),
  conversationType: z.enum(['personal', 'channel', 'groupChat']).default('personal'),
  channelId: z.enum(['msteams', 'webchat']).default('msteams'),
  user: z.strictObject({ id: z.string().min(1).optional(), name: z.string().min(1).max(200).optional() }).optional(),
  /** How the Connector signs this delivery: 'valid', or a negative case verify must refuse. */
  token: z.enum(TOKEN_VARIANTS).default('valid'),
};

const attachment = z.strictObject({
  kind: z.enum(['image', 'file', 'teams-file']),
  url: httpUrl,
  name: z.string().min(1).optional(),
  contentType: z.string().min(3).optional(),
});

export const activityInputSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('message'), ...target,
      text: z.string().min(1).max(28_000).optional(),
      mention: z.union([z.boolean(), z.literal('escaped')]).optional(),
      cardSubmit: z.record(z.string(), z.unknown()).optional(),
      attachment: attachment.optional(),
      replyToId: z.string().min(1).optional(),
    }),
    z.strictObject({ kind: z.literal('reaction'), ...target, replyToId: z.string().min(1), reaction: z.string().min(1).default('like'), removed: z.boolean().default(false) }),
    z.strictObject({ kind: z.literal('conversationUpdate'), ...target, change: z.enum(['botAdded', 'botRemoved', 'memberAdded', 'memberRemoved']) }),
    z.strictObject({ kind: z.literal('installationUpdate'), ...target, action: z.enum(['add', 'remove']) }),
    z.strictObject({ kind: z.literal('readReceipt'), ...target, lastReadMessageId: z.string().min(1) }),
    z.strictObject({ kind: z.literal('invoke'), ...target, name: z.string().min(1).default('adaptiveCard/action'), value: z.record(z.string(), z.unknown()).default({}) }),
    z.strictObject({ kind: z.literal('typing'), ...target }),
  ])
  .superRefine((v, ctx) => {
    if (v.kind !== 'message') return;
    if (!v.text && !v.cardSubmit && !v.attachment) ctx.addIssue({ code: 'custom', message: 'a message needs text, cardSubmit or attachment' });
    if (v.mention && !v.text) ctx.addIssue({ code: 'custom', message: 'mention needs text' });
    if (v.cardSubmit && v.text) ctx.addIssue({ code: 'custom', message: 'a card submit carries value and no text' });
  });
export type ActivityInput = z.input<typeof activityInputSchema>;
export type ParsedActivityInput = z.output<typeof activityInputSchema>;

export const failNextSchema = z
  .strictObject({
    appId,
    status: z.number().int().min(400).max(599).optional(),
    code: z.string().min(1).optional(),
    message: z.string().min(1).optional(),
    retryAfter: z.union([z.string().min(1), z.number().int().nonnegative().transform(String)]).optional(),
    hang: z.boolean().optional(),
    times: z.number().int().min(1).max(1000).optional(),
  })
  .refine((f) => f.status !== undefined || f.hang, 'give an HTTP status (400-599), hang: true, or both')
  .transform((f) => ({ ...f, status: f.status ?? 504 }));

export const rotateKeysSchema = z.strictObject({ dropOld: z.boolean().default(false) });
export const expireTokensSchema = z.strictObject({ appId: appId.optional() });
export const resetSchema = z.strictObject({ keepBots: z.boolean().default(false) });
export const sentQuerySchema = z.strictObject({
  appId: appId.optional(),
  conversationId: z.string().min(1).optional(),
  /** Long-poll: wait up to waitMs for at least count results. */
  count: z.coerce.number().int().min(1).max(100_000).optional(),
  waitMs: z.coerce.number().int().min(0).max(60_000).optional(),
});
export const trafficQuerySchema = z.strictObject({ appId: appId.optional(), conversationId: z.string().min(1).optional() });

/** Parses or throws HttpError(400) with a readable list of problems. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError(400, { error: `invalid input: ${z.prettifyError(result.error)}` });
  return result.data;
}
