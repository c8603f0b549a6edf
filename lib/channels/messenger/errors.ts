import { ConnectorError } from '../types';
import { describeNetworkError } from '../shared/http';
import type { GraphError } from './graph';

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80006]);
const TEMPORARY_CODES = new Set([1, 2, 1200]);

/**
 * Graph API error → ConnectorError, branching on code/error_subcode only (PROTOCOLS.md 1e):
 * HTTP status and message text are not stable. Messages are written for the agent.
 */
export function graphErrorToConnectorError(
  error: GraphError | undefined,
  httpStatus: number,
  retryAfterSeconds?: number,
): ConnectorError {
  const code = error?.code;
  const subcode = error?.error_subcode;
  const codeText = code === undefined ? undefined : subcode === undefined ? `${code}` : `${code}/${subcode}`;
  const opts = (retryable: boolean) => ({ retryable, code: codeText });
  const metaSays = error?.message ? `: ${error.message}` : '';

  if (code === 10 && subcode === 2018278) {
    return new ConnectorError('window_closed', "The customer's reply window has closed; Messenger refused the message", opts(false));
  }
  if (code === 551) {
    return new ConnectorError('invalid_recipient', "This person isn't available right now (blocked the Page or deactivated)", opts(false));
  }
  if (code === 100 && subcode === 2018001) {
    return new ConnectorError('invalid_recipient', 'No Messenger user matches this conversation (unknown or deleted PSID)', opts(false));
  }
  if (code === 100) return new ConnectorError('invalid_request', `Meta rejected the message as invalid${metaSays}`, opts(false));
  if (code === 190) {
    return new ConnectorError('auth', 'The Page access token expired or was revoked: reconnect the Page', opts(false));
  }
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) {
    return new ConnectorError('auth', `The Meta app lacks permission to send for this Page (e.g. pages_messaging)${metaSays}`, opts(false));
  }
  if (code !== undefined && RATE_LIMIT_CODES.has(code)) {
    return new ConnectorError('rate_limited', 'Meta is rate limiting this Page; the message will be retried', {
      ...opts(true), retryAfterSeconds,
    });
  }
  if (code !== undefined && TEMPORARY_CODES.has(code)) {
    return new ConnectorError('provider', `Temporary Messenger failure; the message will be retried${metaSays}`, opts(true));
  }
  if (code === undefined && httpStatus >= 500) {
    return new ConnectorError('provider', `Meta answered HTTP ${httpStatus}; the message will be retried`, opts(true));
  }
  const detail = error?.message ?? `unexpected HTTP ${httpStatus} response`;
  return new ConnectorError('provider', `Messenger refused the message: ${detail}`, opts(false));
}

/** The request failed before any response: it may or may not have reached Meta. */
export function networkErrorToConnectorError(err: unknown, timeoutMs: number): ConnectorError {
  return new ConnectorError(
    'provider',
    `Could not reach Meta (${describeNetworkError(err, timeoutMs)}); the request may not have reached Meta and will be retried`,
    { retryable: true, cause: err },
  );
}
