import type { ConnectorDeps, NormalizedEvent } from '../types';
import { callBotApi } from './bot-api';
import type { TelegramConfig } from './config';

/** Short: Telegram stops accepting an answer after a few seconds, and the spinner is already spinning. */
const ANSWER_TIMEOUT_MS = 5_000;

/**
 * Answers every stored button press (answerCallbackQuery), which stops the spinner on the
 * customer's button. Best effort and never throws: a lost answer only costs a spinner, and a
 * stored event must never be reprocessed because of it.
 */
export async function answerCallbackQueries(events: NormalizedEvent[], config: TelegramConfig, deps: ConnectorDeps): Promise<void> {
  const ids = events.flatMap((e) => (e.type === 'message' && e.postback?.callbackId ? [e.postback.callbackId] : []));
  await Promise.allSettled(
    ids.map((id) => callBotApi(deps.fetch, config, 'answerCallbackQuery', { callback_query_id: id }, ANSWER_TIMEOUT_MS)),
  );
}
