import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, HttpError, listen, matchPath, readBody, Router, sendJson } from './http';

describe('matchPath', () => {
  it('extracts named segments and rejects other shapes', () => {
    expect(matchPath('/:version/:node/messages', '/v21.0/me/messages')).toEqual({ version: 'v21.0', node: 'me' });
    expect(matchPath('/:version/:node/messages', '/v21.0/me/messages/x')).toBeNull();
    expect(matchPath('/_sim/pages', '/_sim/pages/')).toEqual({});
    expect(matchPath('/_sim/pages', '/_sim/page')).toBeNull();
  });
});

describe('Router and body helpers over real HTTP', () => {
  const router = new Router()
    .add('POST', '/echo', async ({ req, res }) => sendJson(res, 200, { bytes: (await readBody(req, 10)).length }))
    .add('GET', '/fail', () => {
      throw new HttpError(418, { error: 'teapot' });
    })
    .add('GET', '/items/:id', ({ params, res }) => sendJson(res, 200, params));
  const server = createServer(async (req, res) => {
    if (!(await router.handle(req, res))) sendJson(res, 404, { error: 'none' });
  });
  let url = '';
  beforeAll(async () => {
    url = await listen(server, 0, '127.0.0.1');
  });
  afterAll(() => closeServer(server));

  it('routes by method and path, decoding params', async () => {
    expect(await (await fetch(`${url}/items/a%20b`)).json()).toEqual({ id: 'a b' });
    expect((await fetch(`${url}/items/1`, { method: 'POST' })).status).toBe(404);
  });

  it('turns HttpError into its JSON response', async () => {
    const res = await fetch(`${url}/fail`);
    expect(res.status).toBe(418);
    expect(await res.json()).toEqual({ error: 'teapot' });
  });

  it('caps the body size with 413', async () => {
    expect(await (await fetch(`${url}/echo`, { method: 'POST', body: '12345' })).json()).toEqual({ bytes: 5 });
    const tooBig = await fetch(`${url}/echo`, { method: 'POST', body: 'x'.repeat(11) });
    expect(tooBig.status).toBe(413);
  });
});
