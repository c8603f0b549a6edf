import { ConnectorError } from '../types';
import type { BotApiAnswer } from './bot-api';

type ErrorAnswer = Extract<BotApiAnswer, { kind: 'error' }>;

/** 403 descriptions (PROTOCOLS.md 5e): none of them goes away by retrying. */
const FORBIDDEN: [RegExp, string][] = [
  [/blocked by the user/i, 'The customer blocked the bot; Telegram delivers nothing until they unblock it'],
  [/user is deactivated/i, "The customer's Telegram account was deleted"],
  [/kicked from the|not a member|bot was removed/i, 'The bot was removed from this group; add it back to reply here'],
  [/can't initiate conversation/i, 'The customer has not started the bot; Telegram lets bots write only to people who pressed Start'],
];

/** 400 descriptions: a problem with this message or chat, not worth an automatic retry. */
const BAD_REQUEST: [RegExp, string][] = [
  [/chat not found/i, 'Telegram does not know this chat (chat not found): it was deleted or the bot never had access to it'],
  [/message is too long/i, 'The message is longer than Telegram allows (4096 characters)'],
  [/caption is too long/i, 'The caption is longer than Telegram allows (1024 characters)'],
  [/message text is empty/i, 'Telegram refused an empty message'],
  [/wrong file identifier|failed to get HTTP URL content|wrong type of the web page content|wrong remote file/i,
    'Telegram could not fetch the attachment from its URL'],
  [/file is too big/i, 'The file is too big: Telegram bots can download files up to 20 MB'],
  [/upgraded to a supergroup/i, 'This group was upgraded to a supergroup and the message could not be re-sent there'],
];

function described(table: [RegExp, string][], description: string): string | undefined {
  const hit = table.find(([pattern]) => pattern.test(description));
  return hit && `${hit[1]} (Telegram: "${description}")`;
}

/**
 * Bot API error → ConnectorError. Telegram's error_code mirrors the HTTP status and is stable;
 * descriptions only pick the words for the agent. retry_after is passed on exactly: retrying
 * sooner extends the ban (PROTOCOLS.md 5, edge case 2).
 */
export function botApiErrorToConnectorError(answer: ErrorAnswer): ConnectorError {
  const { errorCode, description } = answer;
  const code = String(errorCode);
  if (errorCode === 429) {
    const wait = answer.retryAfter === undefined ? '' : ` for ${answer.retryAfter} s`;
    return new ConnectorError('rate_limited', `Telegram is rate limiting this bot; retrying${wait}`, {
      code, retryable: true, ...(answer.retryAfter !== undefined ? { retryAfterSeconds: answer.retryAfter } : {}),
    });
  }
  if (errorCode === 401) {
    return new ConnectorError('auth', 'The bot token was revoked or is wrong: paste the current token from @BotFather', { code, retryable: false });
  }
  if (errorCode === 403) {
    const words = described(FORBIDDEN, description) ?? `Telegram refused to deliver to this chat: ${description}`;
    return new ConnectorError('invalid_recipient', words, { code, retryable: false });
  }
  if (errorCode === 400) {
    const words = described(BAD_REQUEST, description)
      ?? (/can't parse entities/i.test(description) ? `Telegram could not parse the message formatting: ${description}` : undefined)
      ?? `Telegram rejected the message: ${description}`;
    return new ConnectorError('invalid_request', words, { code, retryable: false });
  }
  if (errorCode === 404) {
    return new ConnectorError('provider', 'Telegram answered 404 Not Found: check the inbox API base URL and bot token', { code, retryable: false });
  }
  if (errorCode === 409) {
    return new ConnectorError('provider', `Telegram reported a conflict: ${description}`, { code, retryable: false });
  }
  if (answer.status >= 500 || errorCode >= 500) {
    return new ConnectorError('provider', `Telegram answered HTTP ${answer.status}; the message will be retried`, { code, retryable: true });
  }
  return new ConnectorError('provider', `Telegram refused the request: ${description}`, { code, retryable: false });
}

/** No answer at all: the request may or may not have reached Telegram. */
export function unreachableToConnectorError(reason: string): ConnectorError {
  return new ConnectorError('provider', `Could not reach Telegram (${reason}); the request may not have reached Telegram and will be retried`, {
    retryable: true,
  });
}
