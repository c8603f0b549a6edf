/** Parses and validates a Send API body the way Graph does (error code 100 for bad parameters). */
import { graphErrors } from './graph-errors';
import { MESSAGE_TAGS, MESSAGING_TYPES } from './messaging-window';

export const MAX_TEXT_CHARS = 2000;
const MAX_METADATA_CHARS = 1000;
const ATTACHMENT_TYPES = ['image', 'audio', 'video', 'file', 'template'];
const SENDER_ACTIONS = ['typing_on', 'typing_off', 'mark_seen'];

export interface OutgoingMessage {
  text?: string;
  metadata?: string;
  attachment?: { type: string; payload: Record<string, unknown> };
  [other: string]: unknown;
}

export type SendRequest =
  | { kind: 'message'; psid: string; messagingType: string; tag?: string; message: OutgoingMessage; body: unknown }
  | { kind: 'sender_action'; psid: string; action: string; body: unknown };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Graph accepts JSON or form fields (with JSON-encoded objects); both end up as one object. */
export function decodeSendBody(raw: Buffer, contentType: string | undefined): unknown {
  const text = raw.toString('utf8');
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const out: Obj = {};
    for (const [name, value] of new URLSearchParams(text)) {
      try {
        out[name] = /^[{[]/.test(value) ? JSON.parse(value) : value;
      } catch {
        out[name] = value;
      }
    }
    return out;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw graphErrors.param('Invalid JSON in request body');
  }
}

export function parseSendRequest(body: unknown): SendRequest {
  if (!isObj(body)) throw graphErrors.param('The parameter recipient is required');
  const recipient = body.recipient;
  if (!isObj(recipient)) throw graphErrors.param('The parameter recipient is required');
  if (typeof recipient.id !== 'string' && typeof recipient.id !== 'number') {
    throw graphErrors.param('Param recipient[id] must be a valid ID string (e.g., "123")');
  }
  const psid = String(recipient.id);

  if (body.sender_action !== undefined) {
    if (body.message !== undefined) throw graphErrors.param('Only one of message or sender_action may be specified');
    const action = String(body.sender_action).toLowerCase();
    if (!SENDER_ACTIONS.includes(action)) {
      throw graphErrors.param('Param sender_action must be one of {TYPING_ON, TYPING_OFF, MARK_SEEN}');
    }
    return { kind: 'sender_action', psid, action, body };
  }
  if (!isObj(body.message)) throw graphErrors.param('Must send either message or sender_action');

  const messagingType = body.messaging_type;
  if (messagingType === undefined) throw graphErrors.param('The parameter messaging_type is required');
  if (typeof messagingType !== 'string' || !(MESSAGING_TYPES as readonly string[]).includes(messagingType)) {
    throw graphErrors.param(`Param messaging_type must be one of {${MESSAGING_TYPES.join(', ')}} - got "${String(messagingType)}"`);
  }
  const tag = body.tag === undefined ? undefined : String(body.tag);
  if (messagingType === 'MESSAGE_TAG') {
    if (tag === undefined) throw graphErrors.param('Param tag is required when messaging_type is MESSAGE_TAG');
    if (!(MESSAGE_TAGS as readonly string[]).includes(tag)) {
      throw graphErrors.param(`Param tag must be one of {${MESSAGE_TAGS.join(', ')}} - got "${tag}"`);
    }
  }
  return { kind: 'message', psid, messagingType, tag, message: validateMessage(body.message), body };
}

function validateMessage(message: Obj): OutgoingMessage {
  const { text, attachment, metadata } = message;
  if (text === undefined && attachment === undefined) throw graphErrors.param('Must provide message[text] or message[attachment]');
  if (text !== undefined && attachment !== undefined) throw graphErrors.param('Only one of message[text] or message[attachment] may be specified');
  if (text !== undefined) {
    if (typeof text !== 'string' || text.length === 0) throw graphErrors.param('Param message[text] must be a non-empty UTF-8 encoded string');
    if ([...text].length > MAX_TEXT_CHARS) throw graphErrors.param(`Length of param message[text] must be less than or equal to ${MAX_TEXT_CHARS}`);
  }
  if (metadata !== undefined) {
    if (typeof metadata !== 'string') throw graphErrors.param('Param message[metadata] must be a string');
    if ([...metadata].length > MAX_METADATA_CHARS) throw graphErrors.param(`Length of param message[metadata] must be less than or equal to ${MAX_METADATA_CHARS}`);
  }
  if (attachment !== undefined) {
    if (!isObj(attachment) || typeof attachment.type !== 'string' || !ATTACHMENT_TYPES.includes(attachment.type)) {
      throw graphErrors.param('Param message[attachment][type] must be one of {IMAGE, AUDIO, VIDEO, FILE, TEMPLATE}');
    }
    const payload = attachment.payload;
    if (!isObj(payload)) throw graphErrors.param('The parameter message[attachment][payload] is required');
    if (attachment.type !== 'template' && typeof payload.url !== 'string' && typeof payload.attachment_id !== 'string') {
      throw graphErrors.param('Incomplete attachment payload: url or attachment_id is required');
    }
  }
  return message as OutgoingMessage;
}
