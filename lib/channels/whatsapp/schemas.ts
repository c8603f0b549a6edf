import { z } from 'zod';

/**
 * WhatsApp Cloud API webhook wire format (PROTOCOLS.md 2c). Loose objects: Meta adds fields all
 * the time. IDs, phone numbers and timestamps are JSON strings and stay strings.
 */

const id = z.string().min(1);
/** Epoch seconds as a string ("1749416383"); a number is tolerated rather than rejected. */
export const epochSeconds = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);
const numericCode = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const errorSchema = z.looseObject({
  code: numericCode.optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});
export type WireError = z.infer<typeof errorSchema>;

export const contactSchema = z.looseObject({
  wa_id: z.string().optional(),
  // Business-scoped user id (2026): may be the only identity of a user with a username.
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});
export type WireContact = z.infer<typeof contactSchema>;

export const mediaSchema = z.looseObject({
  id,
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
});
export type WireMedia = z.infer<typeof mediaSchema>;

const reply = z.looseObject({ id: z.string(), title: z.string().optional(), description: z.string().optional() });

export const messageSchema = z.looseObject({
  id,
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: epochSeconds,
  type: z.string(),
  context: z.looseObject({ id: z.string().optional(), from: z.string().optional() }).optional(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: mediaSchema.optional(),
  video: mediaSchema.optional(),
  audio: mediaSchema.optional(),
  document: mediaSchema.optional(),
  sticker: mediaSchema.optional(),
  location: z
    .looseObject({
      latitude: z.number().finite(),
      longitude: z.number().finite(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  interactive: z
    .looseObject({ type: z.string(), button_reply: reply.optional(), list_reply: reply.optional() })
    .optional(),
  button: z.looseObject({ payload: z.string().optional(), text: z.string() }).optional(),
  reaction: z.looseObject({ message_id: id, emoji: z.string().optional() }).optional(),
  system: z.looseObject({ body: z.string().optional(), type: z.string().optional() }).optional(),
  errors: z.array(errorSchema).optional(),
});
export type WireMessage = z.infer<typeof messageSchema>;

export const statusSchema = z.looseObject({
  id,
  status: z.string(),
  timestamp: epochSeconds,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  errors: z.array(errorSchema).optional(),
});
export type WireStatus = z.infer<typeof statusSchema>;

/** Messages and statuses are validated one by one, so a bad item is reported with its path. */
export const valueSchema = z.looseObject({
  metadata: z.looseObject({ phone_number_id: id, display_phone_number: z.string().optional() }),
  contacts: z.array(contactSchema).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(errorSchema).optional(),
});
export type WireValue = z.infer<typeof valueSchema>;

/** Values are validated only when they are ours (parse.ts), so the envelope keeps them unknown. */
export const envelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      time: z.number().optional(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});
