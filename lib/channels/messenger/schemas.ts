import { z } from 'zod';

/**
 * Messenger webhook wire format (PROTOCOLS.md 1c). Loose objects: Meta adds fields all the time
 * and we only rely on the ones named here. IDs are strings on the wire and stay strings.
 */

const id = z.string().min(1);
const party = z.looseObject({ id });
const epochMs = z.number().finite();

export const attachmentSchema = z.looseObject({
  type: z.string(),
  // Null for shared links ("fallback"), which carry title/url(URL) next to it instead.
  payload: z.looseObject({}).nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  URL: z.string().nullish(),
});
export type WireAttachment = z.infer<typeof attachmentSchema>;

export const messageSchema = z.looseObject({
  mid: id,
  text: z.string().optional(),
  is_echo: z.boolean().optional(),
  // A JSON number on the wire; parse.ts keeps its exact digits as a string.
  app_id: z.union([z.string(), z.number()]).optional(),
  metadata: z.string().optional(),
  quick_reply: z.looseObject({ payload: z.string() }).optional(),
  reply_to: z.looseObject({ mid: id }).optional(),
  attachments: z.array(attachmentSchema).optional(),
});
export type WireMessage = z.infer<typeof messageSchema>;

export const eventSchema = z.looseObject({
  // Absent on some page-level events (policy enforcement, app roles): checked per event type.
  sender: party.optional(),
  recipient: party.optional(),
  timestamp: epochMs.optional(),
  message: messageSchema.optional(),
  postback: z
    .looseObject({ mid: id.optional(), title: z.string().optional(), payload: z.string() })
    .optional(),
  delivery: z.looseObject({ mids: z.array(id).optional(), watermark: epochMs }).optional(),
  read: z.looseObject({ watermark: epochMs }).optional(),
  reaction: z
    .looseObject({
      mid: id,
      action: z.enum(['react', 'unreact']),
      reaction: z.string().optional(),
      emoji: z.string().optional(),
    })
    .optional(),
});
export type WireEvent = z.infer<typeof eventSchema>;

/** Events are validated separately (only for our Page), so the envelope keeps them unknown. */
export const envelopeSchema = z.looseObject({
  object: z.literal('page'),
  entry: z.array(
    z.looseObject({
      id,
      time: epochMs.optional(),
      messaging: z.array(z.unknown()).optional(),
      standby: z.array(z.unknown()).optional(),
    }),
  ),
});
export type WireEnvelope = z.infer<typeof envelopeSchema>;
