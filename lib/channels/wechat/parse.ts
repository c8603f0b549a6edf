import type { NormalizedEvent, WebhookRequest } from '../types';
import type { WeChatConfig } from './config';
import { messageFields } from './envelope';
import { requireField } from './fields';
import { mapEvent } from './map-event';
import { mapMessage } from './map-message';

/**
 * One WeChat push is one message or event. Decrypts in compatible/safe mode (again: verify already
 * did, but parse must stand alone for replays). Throws MalformedPayloadError for anything else.
 */
export function parseWeChatWebhook(req: WebhookRequest, config: WeChatConfig): NormalizedEvent[] {
  const fields = messageFields(req.rawBody, config);
  const msgType = requireField(fields, 'MsgType');
  return [msgType === 'event' ? mapEvent(fields) : mapMessage(fields, msgType)];
}
