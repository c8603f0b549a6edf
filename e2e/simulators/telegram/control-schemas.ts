/** zod schemas for every control input (typed methods and /_sim/ HTTP share them). */
import { z } from 'zod';
import { HttpError } from '../http';

/** Chat and user ids: JSON numbers or digit strings (negative for groups). */
export const chatId = z.union([
  z.number().int().refine(Number.isSafeInteger, 'must be a safe integer'),
  z.string().regex(/^-?\d{1,16}$/, 'must be an integer id like "427770117" or "-1001987654321"').transform(Number),
]);
const messageId = z.coerce.number().int().min(1);
/** A bot by username (with or without @) or id; optional when exactly one bot is registered. */
const bot = z.string().min(1).optional();

export const registerBotSchema = z.strictObject({
  token: z.string().regex(/^\d{1,16}:[A-Za-z0-9_-]{35}$/, 'token must look like 123456789:AAH… (bot id, colon, 35 characters)'),
  username: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{1,29}bot$/i, 'username must be 3–32 letters, digits or _ and end in "bot"'),
  firstName: z.string().min(1).max(64).default('Support Bot'),
});

export const userSchema = z.strictObject({
  id: chatId.refine((n) => n > 0, 'user ids are positive').optional(),
  firstName: z.string().min(1).max(64),
  lastName: z.string().min(1).max(64).optional(),
  username: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{4,31}$/, 'username must be 5–32 letters, digits or _').optional(),
  languageCode: z.string().min(2).max(10).optional(),
});

const groupSchema = z.strictObject({
  id: chatId.refine((n) => n < 0, 'group ids are negative').optional(),
  type: z.enum(['group', 'supergroup']).default('group'),
  title: z.string().min(1).max(128),
});

const entitySchema = z.strictObject({
  type: z.string().min(1),
  offset: z.number().int().min(0),
  length: z.number().int().min(1),
  url: z.url().optional(),
});

export const userSendSchema = z
  .strictObject({
    bot,
    from: userSchema,
    /** Write in a group (created on first use) instead of the private chat with the bot. */
    group: groupSchema.optional(),
    text: z.string().min(1).max(4096).optional(),
    /** UTF-16 offsets; detected like a Telegram client does when not given. */
    entities: z.array(entitySchema).max(100).optional(),
    photo: z.literal(true).optional(),
    document: z.strictObject({
      fileName: z.string().min(1).max(255),
      mimeType: z.string().min(3).default('application/octet-stream'),
      content: z.string().max(100_000).optional(),
      /** Claimed size without content, e.g. 25 MB to see getFile's "file is too big". */
      sizeBytes: z.number().int().min(1).max(2_000_000_000).optional(),
    }).optional(),
    voice: z.strictObject({ durationSeconds: z.number().int().min(1).max(3600).default(3) }).optional(),
    location: z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
    caption: z.string().min(1).max(1024).optional(),
    replyToMessageId: messageId.optional(),
  })
  .superRefine((m, ctx) => {
    const kinds = (['text', 'photo', 'document', 'voice', 'location'] as const).filter((k) => m[k] !== undefined);
    if (kinds.length !== 1) ctx.addIssue({ code: 'custom', message: `give exactly one of text, photo, document, voice or location (got ${kinds.join(', ') || 'none'})` });
    if (m.caption !== undefined && !(m.photo || m.document || m.voice)) ctx.addIssue({ code: 'custom', message: 'caption goes with photo, document or voice' });
    if (m.entities !== undefined && m.text === undefined) ctx.addIssue({ code: 'custom', message: 'entities go with text' });
  });

export const userEditSchema = z.strictObject({
  bot, chatId, messageId,
  text: z.string().min(1).max(4096),
  entities: z.array(entitySchema).max(100).optional(),
});

export const pressSchema = z
  .strictObject({ bot, chatId, messageId, data: z.string().min(1).optional(), buttonText: z.string().min(1).optional(), userId: chatId.optional() })
  .refine((p) => (p.data === undefined) !== (p.buttonText === undefined), 'give exactly one of data or buttonText');

export const blockSchema = z.strictObject({ bot, chatId, blocked: z.boolean().default(true) });
export const migrateSchema = z.strictObject({ bot, chatId });

export const failNextSchema = z
  .strictObject({
    bot,
    /** Only this Bot API method; default: the next send method. */
    method: z.string().regex(/^[A-Za-z]+$/).optional(),
    errorCode: z.number().int().min(400).max(599).optional(),
    description: z.string().min(1).optional(),
    parameters: z.strictObject({ retry_after: z.number().int().min(1).optional(), migrate_to_chat_id: chatId.optional() }).optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    times: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((f) => f.errorCode !== undefined || f.delayMs !== undefined, 'give an errorCode, a delayMs, or both');

export const resetSchema = z.strictObject({ keepBots: z.boolean().default(false) });

export const listQuerySchema = z.strictObject({
  bot,
  chatId: chatId.optional(),
  /** Long-poll: wait up to waitMs for at least count results. */
  count: z.coerce.number().int().min(1).max(100_000).optional(),
  waitMs: z.coerce.number().int().min(0).max(60_000).optional(),
});
export const webhooksQuerySchema = z.strictObject({ bot, updateId: z.coerce.number().int().optional() });
export const conversationQuerySchema = z.strictObject({ bot, chatId });

/** Parses or throws HttpError(400) with a readable list of problems. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError(400, { error: `invalid input: ${z.prettifyError(result.error)}` });
  return result.data;
}
