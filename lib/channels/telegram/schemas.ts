import { z } from 'zod';

/**
 * Telegram Update wire format (PROTOCOLS.md 5c). Loose objects: Telegram adds fields with every
 * Bot API release and we only rely on the ones named here. Integer ids arrive as JSON numbers;
 * parse.ts turns them into their exact source digits first, so they are strings here.
 */

const intId = z.string().regex(/^-?\d+$/, 'must be an integer id');
const epochSeconds = z.number().int().nonnegative();

export const userSchema = z.looseObject({
  id: intId,
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
export type WireUser = z.infer<typeof userSchema>;

export const chatSchema = z.looseObject({
  id: intId,
  type: z.string(),
  title: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
export type WireChat = z.infer<typeof chatSchema>;

/** offset/length count UTF-16 code units (PROTOCOLS.md 5, edge case 1). */
export const entitySchema = z.looseObject({
  type: z.string(),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  url: z.string().optional(),
});
export type WireEntity = z.infer<typeof entitySchema>;

const fileSchema = z.looseObject({
  file_id: z.string().min(1),
  file_unique_id: z.string().optional(),
  file_size: z.number().optional(),
  file_name: z.string().optional(),
  mime_type: z.string().optional(),
});
export type WireFile = z.infer<typeof fileSchema>;

const locationSchema = z.looseObject({ latitude: z.number().finite(), longitude: z.number().finite() });

const buttonSchema = z.looseObject({ text: z.string(), callback_data: z.string().optional() });

export const messageSchema = z.looseObject({
  message_id: intId,
  from: userSchema.optional(),
  chat: chatSchema,
  date: epochSeconds,
  edit_date: epochSeconds.optional(),
  text: z.string().optional(),
  entities: z.array(entitySchema).optional(),
  caption: z.string().optional(),
  caption_entities: z.array(entitySchema).optional(),
  photo: z.array(fileSchema).optional(),
  document: fileSchema.optional(),
  animation: fileSchema.optional(),
  voice: fileSchema.optional(),
  audio: fileSchema.extend({ title: z.string().optional(), performer: z.string().optional() }).optional(),
  video: fileSchema.optional(),
  video_note: fileSchema.optional(),
  sticker: fileSchema.extend({ emoji: z.string().optional(), is_animated: z.boolean().optional(), is_video: z.boolean().optional() }).optional(),
  location: locationSchema.optional(),
  venue: z.looseObject({ location: locationSchema, title: z.string(), address: z.string() }).optional(),
  contact: z.looseObject({ phone_number: z.string(), first_name: z.string(), last_name: z.string().optional() }).optional(),
  reply_to_message: z.looseObject({ message_id: intId }).optional(),
  reply_markup: z.looseObject({ inline_keyboard: z.array(z.array(buttonSchema)).optional() }).optional(),
  migrate_to_chat_id: intId.optional(),
});
export type WireMessage = z.infer<typeof messageSchema>;

export const callbackQuerySchema = z.looseObject({
  id: z.string().min(1),
  from: userSchema,
  // Absent for buttons on inline-mode messages; "inaccessible" (date 0) messages still carry chat and id.
  message: messageSchema.optional(),
  chat_instance: z.string().optional(),
  data: z.string().optional(),
  game_short_name: z.string().optional(),
});
export type WireCallbackQuery = z.infer<typeof callbackQuerySchema>;

export const chatMemberUpdatedSchema = z.looseObject({
  chat: chatSchema,
  from: userSchema,
  date: epochSeconds,
  old_chat_member: z.looseObject({ status: z.string() }),
  new_chat_member: z.looseObject({ status: z.string(), is_member: z.boolean().optional() }),
});
export type WireChatMemberUpdated = z.infer<typeof chatMemberUpdatedSchema>;

/** The envelope only: the one update field is validated by the mapper for its kind. */
export const updateSchema = z.looseObject({ update_id: intId });
