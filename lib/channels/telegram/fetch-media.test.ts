import { describe, expect, it } from 'vitest';
import { testDeps } from '../shared/memory-cache';
import { ConnectorError } from '../types';
import { telegramConfigSchema } from './config';
import { fakeBotApi, tgError, tgOk, TOKEN } from './fake-bot-api';
import { fetchTelegramMedia } from './fetch-media';

const config = telegramConfigSchema.parse({ botToken: TOKEN, secretToken: 's', apiBaseUrl: 'https://tg.test' });
const PHOTO = { kind: 'image' as const, providerMediaId: 'AgACAgQAAxkBAAICLl3' };

describe('fetchTelegramMedia', () => {
  it('getFile(file_id) → file_path, then downloads /file/bot<token>/<file_path> and streams that response', async () => {
    const api = fakeBotApi((call) => call.method === 'getFile'
      ? tgOk({ file_id: PHOTO.providerMediaId, file_unique_id: 'AQADLl3', file_size: 5, file_path: 'photos/file_7.jpg' })
      : new Response('JPEG!', { headers: { 'content-type': 'image/jpeg' } }));
    const res = await fetchTelegramMedia(config, PHOTO, testDeps({ fetch: api.fetch }));
    expect(api.calls.map((c) => c.url.toString())).toEqual([`https://tg.test/bot${TOKEN}/getFile`, `https://tg.test/file/bot${TOKEN}/photos/file_7.jpg`]);
    expect(api.calls[0].body).toEqual({ file_id: PHOTO.providerMediaId });
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(await res.text()).toBe('JPEG!');
  });

  it('files over 20 MB: getFile says "file is too big" → invalid_request in words', async () => {
    const api = fakeBotApi(() => tgError(400, 'Bad Request: file is too big'));
    const err = await fetchTelegramMedia(config, PHOTO, testDeps({ fetch: api.fetch })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(/up to 20 MB/) });
    expect(api.calls).toHaveLength(1);
  });

  it('no file id → invalid_request without calling; failed download → provider error', async () => {
    const none = fakeBotApi(() => tgOk({}));
    await expect(fetchTelegramMedia(config, { kind: 'image' }, testDeps({ fetch: none.fetch }))).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(none.calls).toHaveLength(0);
    const gone = fakeBotApi((call) => (call.method === 'getFile' ? tgOk({ file_id: 'x', file_path: 'photos/a.jpg' }) : new Response('nope', { status: 404 })));
    await expect(fetchTelegramMedia(config, PHOTO, testDeps({ fetch: gone.fetch }))).rejects.toMatchObject({ kind: 'provider', retryable: false, code: '404' });
    const noPath = fakeBotApi(() => tgOk({ file_id: 'x', file_unique_id: 'y' }));
    await expect(fetchTelegramMedia(config, PHOTO, testDeps({ fetch: noPath.fetch }))).rejects.toMatchObject({ kind: 'provider' });
  });
});
