/** zod schemas for every control input (typed methods and /_sim/ HTTP share them). */
import { z } from 'zod';
import { HttpError } from '../http';

const digits = (what: string) => z.string().regex(/^\d{5,25}$/, `${what} must be a digit string like "16505551234" (a string, never a number)`);
const phoneNumberId = digits('phoneNumberId');
const waId = digits('waId');
const userId = z.string().regex(/^[A-Z]{2}\.[A-Za-z0-9.]{1,140}$/, 'userId must be a BSUID like "US.13491208655302741918"');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const scenario = z.enum(['in_order', 'out_of_order', 'skip_delivered', 'duplicate', 'unread', 'none', 'random']);

export const registerAccountSchema = z
  .strictObject({
    mode: z.enum(['cloud', '360']).default('cloud'),
    phoneNumberId,
    wabaId: digits('wabaId'),
    displayPhoneNumber: z.string().regex(/^\+?[\d\s-]{5,25}$/, 'displayPhoneNumber must look like "15550783881" or "+1 555-078-3881"'),
    verifiedName: z.string().min(1).max(200).default('Simulated Business'),
    accessToken: z.string().min(1).optional(),
    appSecret: z.string().min(1).optional(),
    apiKey: z.string().min(1).optional(),
    webhookUrl: httpUrl.optional(),
    verifyToken: z.string().optional(),
    webhookHeaders: z.record(z.string(), z.string()).optional(),
    statusScenario: scenario.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.mode === 'cloud' && (!a.accessToken || !a.appSecret)) ctx.addIssue({ code: 'custom', message: 'cloud accounts need accessToken and appSecret' });
    if (a.mode === '360' && !a.apiKey) ctx.addIssue({ code: 'custom', message: '360 accounts need apiKey' });
  });

const who = { phoneNumberId, waId: waId.optional(), userId: userId.optional() };
const needsIdentity = (m: { waId?: string; userId?: string }, ctx: z.RefinementCtx) => {
  if (!m.waId && !m.userId) ctx.addIssue({ code: 'custom', message: 'give waId, userId (BSUID) or both' });
};

const CONTENT_KINDS = ['text', 'image', 'location', 'buttonReply', 'listReply', 'templateButton', 'reaction'] as const;
const customerMessageShape = {
  ...who,
  name: z.string().min(1).max(200).optional(),
  username: z.string().min(1).max(100).optional(),
  /** A username user who hides their number: webhooks carry only the BSUID. */
  hidePhone: z.boolean().optional(),
  text: z.string().min(1).max(4096).optional(),
  image: z.strictObject({ caption: z.string().max(1024).optional() }).optional(),
  location: z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), name: z.string().optional(), address: z.string().optional() }).optional(),
  buttonReply: z.strictObject({ id: z.string().min(1), title: z.string().min(1).max(20) }).optional(),
  listReply: z.strictObject({ id: z.string().min(1), title: z.string().min(1).max(24), description: z.string().max(72).optional() }).optional(),
  templateButton: z.strictObject({ payload: z.string().min(1), text: z.string().min(1) }).optional(),
  /** emoji "" = the customer removed their reaction. */
  reaction: z.strictObject({ messageId: z.string().min(1), emoji: z.string() }).optional(),
  replyTo: z.string().min(1).optional(),
};

function checkMessage(m: Record<string, unknown> & { waId?: string; userId?: string; hidePhone?: boolean }, ctx: z.RefinementCtx): void {
  needsIdentity(m, ctx);
  const kinds = CONTENT_KINDS.filter((k) => m[k] !== undefined);
  if (kinds.length !== 1) ctx.addIssue({ code: 'custom', message: `give exactly one of ${CONTENT_KINDS.join(', ')} (got ${kinds.length ? kinds.join(', ') : 'none'})` });
  if (m.hidePhone && !m.userId) ctx.addIssue({ code: 'custom', message: 'hidePhone needs a userId (BSUID): the customer must stay reachable' });
}

export const customerMessageSchema = z.strictObject(customerMessageShape).superRefine(checkMessage);
export const customerSendSchema = z
  .strictObject({
    ...customerMessageShape,
    duplicate: z.union([z.boolean(), z.literal('parallel')]).optional(),
    /** Force how a batch is packed; default: one value, sometimes (multiChangeRate) one change per message. */
    batching: z.enum(['value', 'changes', 'entries']).optional(),
    batchWith: z.array(customerMessageSchema).max(100).optional(),
  })
  .superRefine(checkMessage);

export const customerStateSchema = z
  .strictObject({ ...who, name: z.string().min(1).optional(), lastInboundHoursAgo: z.number().nonnegative().optional(), notOnWhatsApp: z.boolean().optional() })
  .superRefine(needsIdentity);

export const failNextSchema = z.strictObject({
  phoneNumberId,
  code: z.number().int().nonnegative(),
  httpStatus: z.number().int().min(400).max(599).optional(),
  message: z.string().min(1).optional(),
  details: z.string().min(1).optional(),
  async: z.boolean().optional(),
  times: z.number().int().min(1).max(10_000).optional(),
});

export const statusScenarioSchema = z.strictObject({ phoneNumberId: phoneNumberId.optional(), scenario });
export const expireTokenSchema = z.strictObject({ phoneNumberId, expired: z.boolean().default(true) });
export const redeliverSchema = z.strictObject({ deliveryId: z.uuid() });
export const resetSchema = z.strictObject({ keepAccounts: z.boolean().default(false) });

export const sentQuerySchema = z.strictObject({
  phoneNumberId: phoneNumberId.optional(),
  to: z.string().min(1).optional(),
  count: z.coerce.number().int().min(1).max(100_000).optional(),
  waitMs: z.coerce.number().int().min(0).max(60_000).optional(),
});
export const webhooksQuerySchema = z.strictObject({ phoneNumberId: phoneNumberId.optional(), eventId: z.string().min(1).optional() });
export const customersQuerySchema = z.strictObject({ phoneNumberId: phoneNumberId.optional() });
export const conversationQuerySchema = z.strictObject({ phoneNumberId, customer: z.string().min(1) });

/** Parses or throws HttpError(400) with a readable list of problems. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError(400, { error: `invalid input: ${z.prettifyError(result.error)}` });
  return result.data;
}
