import { describe, expect, it } from 'vitest';
import { logContextFields, withLogContext } from './logger';

describe('log context', () => {
  it('adds the fields to everything inside, across awaits, and nests', async () => {
    expect(logContextFields()).toEqual({});
    await withLogContext({ requestId: 'r1' }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(logContextFields()).toEqual({ requestId: 'r1' });
      await withLogContext({ eventId: 'e1' }, async () => {
        await Promise.resolve();
        expect(logContextFields()).toEqual({ requestId: 'r1', eventId: 'e1' });
      });
      expect(logContextFields()).toEqual({ requestId: 'r1' });
    });
    expect(logContextFields()).toEqual({});
  });

  it('keeps concurrent requests apart', async () => {
    const seen = await Promise.all(['a', 'b', 'c'].map((id) => withLogContext({ requestId: id }, async () => {
      await new Promise((r) => setTimeout(r, 5 - id.charCodeAt(0) % 3));
      return logContextFields().requestId;
    })));
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});
