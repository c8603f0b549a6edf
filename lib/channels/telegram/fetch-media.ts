import { z } from 'zod';
import { ConnectorError, type Attachment, type ConnectorDeps } from '../types';
import { describeNetworkError, fetchWithTimeout } from '../shared/http';
import { callBotApi, redactToken } from './bot-api';
import type { TelegramConfig } from './config';
import { botApiErrorToConnectorError, unreachableToConnectorError } from './errors';

const DOWNLOAD_TIMEOUT_MS = 60_000;
const fileSchema = z.looseObject({ file_path: z.string().min(1) });

/**
 * Two steps (PROTOCOLS.md 5c): getFile(file_id) → file_path, then GET
 * {apiBaseUrl}/file/bot<token>/<file_path>. The download URL contains the bot token, so the app
 * streams this Response to the agent instead of ever showing the URL. Files over 20 MB fail in
 * getFile with "file is too big".
 */
export async function fetchTelegramMedia(config: TelegramConfig, attachment: Attachment, deps: ConnectorDeps): Promise<Response> {
  if (!attachment.providerMediaId) throw new ConnectorError('invalid_request', 'This attachment has no Telegram file id to download');
  const answer = await callBotApi(deps.fetch, config, 'getFile', { file_id: attachment.providerMediaId });
  if (answer.kind === 'unreachable') throw unreachableToConnectorError(answer.reason);
  if (answer.kind === 'error') throw botApiErrorToConnectorError(answer);
  const file = fileSchema.safeParse(answer.result);
  if (!file.success) throw new ConnectorError('provider', 'Telegram returned no file_path for this file (it may be too big to download)', { retryable: false });

  const url = `${config.apiBaseUrl}/file/bot${config.botToken}/${encodeURI(file.data.file_path)}`;
  let res: Response;
  try {
    res = await fetchWithTimeout(deps.fetch, url, {}, DOWNLOAD_TIMEOUT_MS);
  } catch (err) {
    throw unreachableToConnectorError(redactToken(describeNetworkError(err, DOWNLOAD_TIMEOUT_MS), config));
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new ConnectorError('provider', `Telegram answered HTTP ${res.status} for the file download`, { retryable: res.status >= 500, code: String(res.status) });
  }
  return res;
}
