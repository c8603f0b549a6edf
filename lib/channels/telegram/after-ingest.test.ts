import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDeps } from '../shared/memory-cache';
import { answerCallbackQueries } from './after-ingest';
import { telegramConfigSchema } from './config';
import { fakeBotApi, tgError, tgOk, TOKEN } from './fake-bot-api';
import { parseTelegramUpdate } from './parse';

const config = telegramConfigSchema.parse({ botToken: TOKEN, secretToken: 's', apiBaseUrl: 'https://tg.test' });
const events = (...names: string[]) => names.flatMap((n) => parseTelegramUpdate(readFileSync(path.join(__dirname, 'fixtures', `${n}.json`))));

describe('answerCallbackQueries (afterIngest)', () => {
  it('answers every button press once, and nothing else', async () => {
    const api = fakeBotApi(() => tgOk(true));
    await answerCallbackQueries(events('text', 'callback-query', 'my-chat-member-kicked', 'callback-query-group'), config, testDeps({ fetch: api.fetch }));
    expect(api.calls.map((c) => [c.url.pathname, c.body])).toEqual([
      [`/bot${TOKEN}/answerCallbackQuery`, { callback_query_id: '4382bfdwdsb323b2d9' }],
      [`/bot${TOKEN}/answerCallbackQuery`, { callback_query_id: '1843010523466191872' }],
    ]);
  });

  it('makes no call when there is nothing to answer', async () => {
    const api = fakeBotApi(() => tgOk(true));
    await answerCallbackQueries(events('text', 'edited-message'), config, testDeps({ fetch: api.fetch }));
    expect(api.calls).toHaveLength(0);
  });

  it('never throws: expired queries, errors and network failures are swallowed, others still answered', async () => {
    const api = fakeBotApi((_call, i) => {
      if (i === 0) return tgError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      if (i === 1) return Promise.reject(new TypeError('fetch failed'));
      return tgOk(true);
    });
    await expect(answerCallbackQueries(events('callback-query', 'callback-query-group', 'callback-query-inline'), config, testDeps({ fetch: api.fetch }))).resolves.toBeUndefined();
    expect(api.calls).toHaveLength(3);
  });
});
