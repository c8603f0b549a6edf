/** zod schemas for every control input (typed methods and /_sim/ HTTP share them). */
import { z } from 'zod';
import { HttpError } from '../http';

const numericId = (what: string) => z.string().regex(/^\d{1,20}$/, `${what} must be a numeric id string like "1254477777772919"`);
const pageId = numericId('pageId');
const psid = numericId('psid');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const receiptsSchema = z.strictObject({ echo: z.boolean().optional(), delivery: z.boolean().optional(), read: z.boolean().optional() });

export const addPageSchema = z.strictObject({
  pageId,
  name: z.string().min(1).max(200).default('Simulated Page'),
  accessToken: z.string().min(1),
  appSecret: z.string().min(1),
  webhookUrl: httpUrl.optional(),
  verifyToken: z.string().optional(),
  receipts: receiptsSchema.optional(),
});

const customerMessageShape = {
  pageId,
  psid,
  name: z.string().min(1).max(200).optional(),
  text: z.string().min(1).max(20_000).optional(),
  attachments: z.array(z.strictObject({ type: z.enum(['image', 'video', 'audio', 'file']), url: httpUrl })).min(1).max(10).optional(),
  quickReplyPayload: z.string().min(1).max(1000).optional(),
  postback: z.strictObject({ title: z.string().min(1), payload: z.string().min(1) }).optional(),
  replyToMid: z.string().min(1).optional(),
};

type MessageFields = { text?: string; attachments?: unknown[]; postback?: unknown; quickReplyPayload?: string };

/** The same rules Messenger's UI imposes: a postback is its own event, a quick reply carries text. */
function checkMessage(m: MessageFields, ctx: z.RefinementCtx): void {
  if (!m.text && !m.attachments && !m.postback) ctx.addIssue({ code: 'custom', message: 'one of text, attachments or postback is required' });
  if (m.postback && (m.text || m.attachments || m.quickReplyPayload)) {
    ctx.addIssue({ code: 'custom', message: 'postback cannot be combined with text, attachments or quickReplyPayload' });
  }
  if (m.quickReplyPayload && !m.text) ctx.addIssue({ code: 'custom', message: 'quickReplyPayload needs the text of the tapped quick reply' });
}

export const customerMessageSchema = z.strictObject(customerMessageShape).superRefine(checkMessage);

export const customerSendSchema = z
  .strictObject({
    ...customerMessageShape,
    duplicate: z.union([z.boolean(), z.literal('parallel')]).optional(),
    batchWith: z.array(customerMessageSchema).max(100).optional(),
  })
  .superRefine(checkMessage);

export const pageInboxReplySchema = z.strictObject({ pageId, psid, text: z.string().min(1).max(2000) });

const failureShape = {
  httpStatus: z.number().int().min(200).max(599).optional(),
  code: z.number().int().optional(),
  subcode: z.number().int().optional(),
  message: z.string().min(1).optional(),
  type: z.string().min(1).optional(),
  isTransient: z.boolean().optional(),
  /** Adds a Retry-After header (seconds) to the error response. */
  retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
};
const hasEffect = (f: { code?: number; delayMs?: number }) => f.code !== undefined || f.delayMs !== undefined;
const EFFECT_NEEDED = 'give a Graph error code, a delayMs, or both';

export const failNextSchema = z
  .strictObject({ pageId, ...failureShape, times: z.number().int().min(1).max(10_000).optional() })
  .refine(hasEffect, EFFECT_NEEDED);

/** Every Send API call of the page fails for durationMs, cycling through responses (a provider outage). */
export const outageSchema = z.strictObject({
  pageId,
  durationMs: z.number().int().min(1).max(3_600_000),
  responses: z.array(z.strictObject(failureShape).refine(hasEffect, EFFECT_NEEDED)).min(1).max(100),
});

export const lastInboundSchema = z
  .strictObject({
    pageId,
    psid,
    at: z.union([z.iso.datetime({ offset: true }), z.number().int().nonnegative()]).optional(),
    hoursAgo: z.number().nonnegative().optional(),
  })
  .refine((v) => (v.at === undefined) !== (v.hoursAgo === undefined), 'give exactly one of at (ISO date or epoch ms) or hoursAgo');

export const blockSchema = z.strictObject({ pageId, psid, blocked: z.boolean().default(true) });
export const expireTokenSchema = z.strictObject({ pageId, expired: z.boolean().default(true) });
export const setReceiptsSchema = receiptsSchema.extend({ pageId });
export const resetSchema = z.strictObject({ keepPages: z.boolean().default(false) });

export const listQuerySchema = z.strictObject({
  pageId: pageId.optional(),
  psid: psid.optional(),
  /** Long-poll: wait up to waitMs for at least count results. */
  count: z.coerce.number().int().min(1).max(100_000).optional(),
  waitMs: z.coerce.number().int().min(0).max(60_000).optional(),
});
export const conversationQuerySchema = z.strictObject({ pageId, psid });

/** Parses or throws HttpError(400) with a readable list of problems. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError(400, { error: `invalid input: ${z.prettifyError(result.error)}` });
  return result.data;
}

export const webhooksQuerySchema = z.strictObject({ pageId: pageId.optional(), eventId: z.string().min(1).optional() });
export const customersQuerySchema = z.strictObject({ pageId: pageId.optional() });
