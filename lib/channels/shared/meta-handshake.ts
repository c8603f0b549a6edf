import type { WebhookReply, WebhookRequest } from '../types';
import { constantTimeEqual } from './hmac';

const HUB_PARAMS = ['hub.mode', 'hub.verify_token', 'hub.challenge'] as const;

/**
 * Meta's webhook subscription handshake (Messenger, WhatsApp Cloud API, Instagram):
 * GET ?hub.mode=subscribe&hub.verify_token=<ours>&hub.challenge=<n> → 200 text/plain `<n>`.
 * Any hub request we do not accept → 403; a request without hub params is not a handshake → null.
 * Params are read from the raw query string (`url.search`) so the dotted names are never
 * rewritten the way some frameworks do (`hub_mode`).
 */
export function metaHubHandshake(req: WebhookRequest, verifyToken: string): WebhookReply | null {
  if (req.method.toUpperCase() !== 'GET') return null;
  const params = new URLSearchParams(req.url.search);
  if (!HUB_PARAMS.some((name) => params.has(name))) return null;

  const mode = params.get('hub.mode');
  const token = params.get('hub.verify_token') ?? '';
  const challenge = params.get('hub.challenge');
  if (mode === 'subscribe' && challenge !== null && constantTimeEqual(token, verifyToken)) {
    return { status: 200, body: challenge, contentType: 'text/plain' };
  }
  return { status: 403, body: 'Forbidden', contentType: 'text/plain' };
}
