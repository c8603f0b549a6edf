import { ConnectorError, type SendResult } from '../types';
import { DEFAULT_TIMEOUT_MS, fetchWithTimeout, parseRetryAfter, readResponseBody } from '../shared/http';
import { readCloudError } from './cloud-error';
import { cloudErrorToConnectorError, networkErrorToConnectorError } from './errors';
import type { CloudMessageBody } from './outbound';

export interface MessageEndpoint {
  url: string;
  headers: Record<string, string>;
  /** Named in errors: "WhatsApp" (Meta) or "360dialog". */
  who: string;
  fetch: typeof fetch;
  now: Date;
}

/** POSTs one Cloud API message; a 200 means *accepted* (delivery comes later as statuses). */
export async function postCloudMessage(endpoint: MessageEndpoint, body: CloudMessageBody): Promise<string> {
  let res: Response;
  let json: unknown;
  try {
    res = await fetchWithTimeout(endpoint.fetch, endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...endpoint.headers },
      body: JSON.stringify(body),
    });
    ({ json } = await readResponseBody(res));
  } catch (err) {
    throw networkErrorToConnectorError(err, DEFAULT_TIMEOUT_MS, endpoint.who);
  }
  const error = readCloudError(json);
  const id = (json as { messages?: { id?: unknown }[] } | undefined)?.messages?.[0]?.id;
  if (res.ok && !error && typeof id === 'string' && id !== '') return id;
  if (res.ok && !error) {
    // Accepted without an id: it may go out, so never retry automatically.
    throw new ConnectorError('provider', `${endpoint.who} accepted the message but returned no message id`, { retryable: false });
  }
  const retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'), endpoint.now);
  throw cloudErrorToConnectorError(error, res.status, { retryAfterSeconds, who: endpoint.who });
}

/**
 * Sends the bodies in order. Once one part went out, a later failure is not retryable: a retry
 * would send the earlier parts twice, so it is surfaced to the agent instead.
 */
export async function sendCloudBodies(endpoint: MessageEndpoint, bodies: CloudMessageBody[]): Promise<SendResult> {
  const ids: string[] = [];
  for (const [index, body] of bodies.entries()) {
    try {
      ids.push(await postCloudMessage(endpoint, body));
    } catch (err) {
      if (index === 0 || !(err instanceof ConnectorError)) throw err;
      throw new ConnectorError('provider', `Part ${index + 1} of ${bodies.length} was not sent: ${err.message}`, { retryable: false, code: err.code });
    }
  }
  return { externalId: ids[0], ...(ids.length > 1 ? { externalIds: ids } : {}) };
}
