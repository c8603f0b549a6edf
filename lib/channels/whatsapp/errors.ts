import { ConnectorError, type ConnectorErrorKind } from '../types';
import { describeNetworkError, isRefusedByPolicy } from '../shared/http';
import type { CloudError } from './cloud-error';
import { hasKnownReason, humanReason } from './error-reasons';

interface Rule {
  kind: ConnectorErrorKind;
  retryable: boolean;
  retryAfterSeconds?: number;
}

const rule = (kind: ConnectorErrorKind, retryable: boolean, retryAfterSeconds?: number): Rule => ({ kind, retryable, retryAfterSeconds });
const rules = (codes: number[], r: Rule) => codes.map((code) => [code, r] as const);

/**
 * By `error.code` only (PROTOCOLS.md 2e): HTTP statuses and texts are not stable, and throttling
 * comes back as HTTP 400. Pair rate (131056) wants 4^attempt seconds; we do not know the attempt,
 * so we ask for 6 s, the documented pair rate.
 */
const RULES = new Map<number, Rule>([
  ...rules([130429, 4, 80007], rule('rate_limited', true)),
  [131056, rule('rate_limited', true, 6)],
  [131047, rule('window_closed', false)],
  [470, rule('window_closed', false)],
  ...rules([131026, 131030, 131021, 131050], rule('invalid_recipient', false)),
  ...rules([131051, 131008, 131009, 131053, 100, 132000, 132001, 132005, 132007, 132012, 132015, 132016], rule('invalid_request', false)),
  ...rules([131048, 131049, 133010, 368, 131031, 131042, 131045], rule('provider', false)),
  ...rules([190, 0, 10], rule('auth', false)),
  ...rules([1, 2, 131000, 131016], rule('provider', true)),
]);

/** Provider error (sync answer) → ConnectorError written for the agent. `who` names the API ("WhatsApp", "360dialog"). */
export function cloudErrorToConnectorError(
  error: CloudError | undefined,
  httpStatus: number,
  opts: { retryAfterSeconds?: number; who?: string } = {},
): ConnectorError {
  const who = opts.who ?? 'WhatsApp';
  const code = error?.code;
  const codeText = code === undefined ? undefined : String(code);
  const details = error?.error_data?.details ?? error?.message;
  const known = code === undefined ? undefined : RULES.get(code) ?? (code >= 200 && code <= 299 ? rule('auth', false) : undefined);

  if (known) {
    const reason = humanReason(error ?? undefined);
    // Parameter problems need Meta's details to be fixable; the rest reads better without them.
    const message = known.kind === 'invalid_request' && details && hasKnownReason(code) ? `${reason}: ${details}` : reason;
    return new ConnectorError(known.kind, message, {
      retryable: known.retryable, code: codeText, retryAfterSeconds: opts.retryAfterSeconds ?? known.retryAfterSeconds,
    });
  }
  if (code === undefined && httpStatus === 401) {
    return new ConnectorError('auth', `${who} refused the credentials (HTTP 401): check the API key or access token`, { retryable: false });
  }
  if (code === undefined && httpStatus === 429) {
    return new ConnectorError('rate_limited', `${who} is rate limiting this number; it will be retried`, { retryable: true, retryAfterSeconds: opts.retryAfterSeconds });
  }
  if (httpStatus >= 500) {
    return new ConnectorError('provider', `${who} answered HTTP ${httpStatus}; it will be retried`, { retryable: true, code: codeText });
  }
  const detail = details ? `${details}${codeText ? ` (code ${codeText})` : ''}` : `unexpected HTTP ${httpStatus} response`;
  return new ConnectorError('provider', `${who} refused the message: ${detail}`, { retryable: false, code: codeText });
}

/** No response at all: it may or may not have reached the provider. */
export function networkErrorToConnectorError(err: unknown, timeoutMs: number, who = 'WhatsApp'): ConnectorError {
  return new ConnectorError(
    'provider',
    isRefusedByPolicy(err) ? `Could not fetch from ${who}: ${describeNetworkError(err, timeoutMs)}` : `Could not reach ${who} (${describeNetworkError(err, timeoutMs)}); the request may not have reached ${who} and will be retried`,
    { retryable: !isRefusedByPolicy(err), cause: err },
  );
}
