/** Validates a messages API body the way the Cloud API does, with its error codes (100, 131008, 131009). */
import { checkTemplateSend } from './templates';
import { waErrors } from './wa-errors';

export const MAX_TEXT = 4096;
const TYPES = ['text', 'image', 'audio', 'video', 'document', 'sticker', 'template', 'location', 'interactive', 'reaction', 'contacts'];
const MEDIA = new Set(['image', 'audio', 'video', 'document', 'sticker']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ValidSend {
  body: Obj;
  type: string;
  /** What the app addressed: `to` (wa_id) or `recipient` (BSUID). */
  to: string;
}

export function validateSend(raw: unknown): ValidSend {
  if (!isObj(raw)) throw waErrors.param('Request body must be a JSON object');
  if (raw.messaging_product !== 'whatsapp') throw waErrors.param('The parameter messaging_product is required and must be "whatsapp"');
  const to = typeof raw.to === 'string' && raw.to ? raw.to : typeof raw.recipient === 'string' && raw.recipient ? raw.recipient : undefined;
  if (!to) throw waErrors.missing('The parameter to (or recipient) is required');
  const type = raw.type === undefined ? 'text' : String(raw.type);
  if (!TYPES.includes(type)) throw waErrors.param(`Param type must be one of {${TYPES.join(', ')}} - got "${type}"`);
  const content = raw[type];
  if (!isObj(content)) throw waErrors.missing(`The parameter ${type} is required`);

  if (type === 'text') {
    if (typeof content.body !== 'string' || content.body === '') throw waErrors.missing('The parameter text[body] is required');
    if ([...content.body].length > MAX_TEXT) throw waErrors.invalidValue(`text[body] is longer than ${MAX_TEXT} characters`);
  }
  if (MEDIA.has(type)) {
    const link = content.link;
    if (content.id === undefined && (typeof link !== 'string' || !/^https?:\/\//.test(link))) {
      throw waErrors.invalidValue(`${type} must have a valid link (http or https) or an id`);
    }
    if ((type === 'audio' || type === 'sticker') && content.caption !== undefined) throw waErrors.param(`${type} does not take a caption`);
  }
  if (type === 'template') {
    if (typeof content.name !== 'string' || !isObj(content.language) || typeof content.language.code !== 'string') {
      throw waErrors.missing('template[name] and template[language][code] are required');
    }
    checkTemplateSend(content);
  }
  if (raw.context !== undefined && (!isObj(raw.context) || typeof raw.context.message_id !== 'string')) {
    throw waErrors.param('context[message_id] must be a message id string');
  }
  return { body: raw, type, to };
}
