import { ConnectorError } from '../types';
import { describeNetworkError, isRefusedByPolicy, parseRetryAfter } from '../shared/http';

/** `{"error":{"code":"BadArgument","message":"…"}}` (the Connector's ErrorResponse), if present. */
export function readConnectorError(json: unknown): { code?: string; message?: string } {
  const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    ...(typeof error?.code === 'string' ? { code: error.code } : {}),
    ...(typeof error?.message === 'string' ? { message: error.message } : {}),
  };
}

/**
 * Connector HTTP error → ConnectorError (PROTOCOLS.md 4e). Teams asks bots to retry 429, 412, 502
 * and 504 with backoff; 403 means the bot was removed, blocked or uninstalled: retrying cannot help.
 */
export function connectorHttpError(status: number, json: unknown, retryAfterHeader: string | null, now: Date): ConnectorError {
  const { code, message } = readConnectorError(json);
  const says = message ? `: ${message}` : '';
  const opts = (retryable: boolean) => ({ retryable, code: code ?? `HTTP ${status}` });
  switch (status) {
    case 429:
      return new ConnectorError('rate_limited', 'Bot Framework is throttling this bot; the message will be retried', {
        ...opts(true), retryAfterSeconds: parseRetryAfter(retryAfterHeader, now),
      });
    case 412:
      return new ConnectorError('provider', 'Bot Framework reported a conflict (412) on this conversation; the message will be retried', opts(true));
    case 401:
      return new ConnectorError('auth', `Bot Framework refused the bot's token even after a refresh: check the app ID, password and tenant${says}`, opts(false));
    case 403:
      return new ConnectorError('invalid_recipient', `The bot can no longer post in this conversation (removed, blocked or uninstalled)${says}`, opts(false));
    case 404:
      return new ConnectorError('invalid_recipient', `Bot Framework does not know this conversation (deleted, or the address is stale)${says}`, opts(false));
    case 413:
      return new ConnectorError('invalid_request', `The message is too large for this channel${says}`, opts(false));
    case 400:
      return new ConnectorError('invalid_request', `Bot Framework rejected the message as invalid${says}`, opts(false));
  }
  if (status >= 500) {
    return new ConnectorError('provider', `Bot Framework answered HTTP ${status}; the message will be retried${says}`, opts(true));
  }
  return new ConnectorError('provider', `Bot Framework refused the message (HTTP ${status})${says}`, opts(false));
}

/** The request failed before any response: it may or may not have reached the Connector. */
export function connectorNetworkError(err: unknown, timeoutMs: number): ConnectorError {
  // The serviceUrl came in an activity; one the safe fetch refuses will never work.
  if (isRefusedByPolicy(err)) return new ConnectorError('invalid_recipient', `This conversation's Bot Framework address cannot be used: ${describeNetworkError(err, timeoutMs)}`, { retryable: false, cause: err });
  return new ConnectorError(
    'provider',
    `Could not reach Bot Framework (${describeNetworkError(err, timeoutMs)}); the message will be retried`,
    { retryable: true, cause: err },
  );
}
