/**
 * WeChat errcode → ConnectorError (PROTOCOLS.md 3e). Branches on errcode only: errmsg changes and
 * carries a per-request " hint: [xxxx]". Messages are written for the agent or admin who reads them.
 */
import { ConnectorError } from '../types';

/** Token problems: drop the cached token, fetch a new one, retry once (wechatpy retries exactly these). */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

const INVALID_MEDIA: Record<number, string> = {
  40004: 'invalid media type', 40005: 'unsupported file type', 40006: 'invalid file size',
  40007: 'unknown or expired media_id', 40009: 'image too large (WeChat takes JPG/PNG/GIF up to 10 MB)', 41005: 'no media data',
};

/** The IP WeChat names in a 40164 errmsg ("invalid ip 203.0.113.7 ipv6 …"), for display only. */
export function whitelistIp(errmsg: string): string | undefined {
  return /invalid ip ([0-9a-fA-F.:]+)/.exec(errmsg)?.[1];
}

export function wechatErrorToConnectorError(errcode: number, errmsg: string): ConnectorError {
  const code = String(errcode);
  const fail = (kind: ConstructorParameters<typeof ConnectorError>[0], message: string, extra: { retryAfterSeconds?: number } = {}) =>
    new ConnectorError(kind, message, { code, ...extra });

  switch (errcode) {
    case -1:
      return fail('provider', 'WeChat is busy (system error -1); the message will be retried');
    case 45015:
      return fail('window_closed', 'The 48-hour reply window closed (or the user unfollowed)');
    case 45047:
      return fail('window_closed', 'Reply limit reached for this window: wait for the customer to write again');
    case 45009:
      return fail('rate_limited', 'WeChat’s daily API quota for this Official Account is used up (45009)', { retryAfterSeconds: 3600 });
    case 45011:
      return fail('rate_limited', 'WeChat’s per-minute API limit was reached (45011); the message will be retried', { retryAfterSeconds: 60 });
    case 40003:
      return fail('invalid_recipient', 'WeChat does not know this OpenID for this Official Account (40003): wrong account, or not a follower');
    case 43004:
      return fail('invalid_recipient', 'The customer does not follow the Official Account (43004): WeChat accepts no messages until they follow again');
    case 48001:
      return fail('auth', 'This Official Account lacks the permission for this API (48001): customer-service messages need a verified account with that permission');
    case 40013:
      return fail('auth', 'WeChat rejected the AppID (40013): copy it again from Settings → Basic configuration');
    case 40125:
      return fail('auth', 'WeChat rejected the AppSecret (40125): reset it in Settings → Basic configuration and update this inbox');
    case 40164: {
      const ip = whitelistIp(errmsg);
      return fail('auth', `This server’s IP address${ip ? ` ${ip}` : ''} is not on the Official Account’s IP whitelist (40164): add it under Settings → Basic configuration → IP whitelist`);
    }
    case 40001:
    case 40014:
    case 42001:
      return fail('auth', `WeChat rejected a freshly fetched access token (${errcode}): is another system fetching tokens for this AppID? Each new token invalidates the previous one`);
    case 44004:
      return fail('invalid_request', 'WeChat rejected the message as empty (44004)');
    case 45002:
      return fail('invalid_request', 'The message is too long for WeChat (45002)');
    default:
      if (INVALID_MEDIA[errcode]) return fail('invalid_request', `WeChat rejected the image: ${INVALID_MEDIA[errcode]} (${errcode})`);
      return new ConnectorError('provider', `WeChat refused the request (errcode ${errcode}): ${errmsg || 'no message'}`, { code, retryable: false });
  }
}
