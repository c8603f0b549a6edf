import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { requestIdFrom, stampRequestId } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request id', () => {
  it('keeps a caller id made of letters, digits, dot, underscore and dash, up to 128 characters', () => {
    expect(requestIdFrom('abc-123_X.y')).toBe('abc-123_X.y');
    expect(requestIdFrom('a'.repeat(128))).toBe('a'.repeat(128));
    expect(requestIdFrom(['first-id', 'second-id'])).toBe('first-id');
  });

  it('generates a fresh UUID when the header is absent, empty, too long or has other characters', () => {
    for (const bad of [undefined, '', 'a'.repeat(129), 'has space', 'new\nline', 'x"y', 'ü', 'a/b', 'id;drop']) {
      const id = requestIdFrom(bad);
      expect(id, String(bad)).toMatch(UUID);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });

  it('stamps the id on the request for Next and on the response', () => {
    const req = new IncomingMessage(new Socket());
    req.headers['x-request-id'] = 'bad id';
    const res = new ServerResponse(req);
    const id = stampRequestId(req, res);
    expect(id).toMatch(UUID);
    expect(req.headers['x-request-id']).toBe(id);
    expect(res.getHeader('x-request-id')).toBe(id);
  });
});
