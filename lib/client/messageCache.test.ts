import { describe, expect, it } from 'vitest';
import { acceptsStatus, applyStatus, dedupeById, isTempId, newTempId, removeMessage, upsertMessage } from './messageCache';
import type { Message } from './types';

const msg = (id: string, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId: 'c1',
  direction: 'outbound',
  kind: 'text',
  text: id,
  attachments: [],
  location: null,
  status: 'queued',
  error: null,
  private: false,
  author: null,
  timestamp: '2026-11-22T10:00:00Z',
  createdAt: '2026-11-22T10:00:00Z',
  ...extra,
});

describe('optimistic message list', () => {
  it('replaces the temp message in place with the server copy', () => {
    const temp = newTempId();
    expect(isTempId(temp)).toBe(true);
    const list = upsertMessage([msg('a'), msg(temp)], msg('m1', { status: 'queued' }), temp);
    expect(list.map((m) => m.id)).toEqual(['a', 'm1']);
  });

  it('does not duplicate when a refetch already brought the server copy', () => {
    const temp = newTempId();
    const list = upsertMessage([msg('a'), msg('m1'), msg(temp)], msg('m1'), temp);
    expect(list.map((m) => m.id)).toEqual(['a', 'm1']);
  });

  it('keeps a later status when the send\'s own "queued" response arrives after a refetch showed it sent', () => {
    const temp = newTempId();
    const list = upsertMessage([msg('m1', { status: 'sent' }), msg(temp)], msg('m1', { status: 'queued' }), temp);
    expect(list.map((m) => [m.id, m.status])).toEqual([['m1', 'sent']]);
    // A retry's response does move a failed reply back to queued.
    expect(upsertMessage([msg('m2', { status: 'failed' })], msg('m2', { status: 'queued' }))[0].status).toBe('queued');
  });

  it('appends an unknown message and removes by id', () => {
    expect(upsertMessage([msg('a')], msg('b')).map((m) => m.id)).toEqual(['a', 'b']);
    expect(removeMessage([msg('a'), msg('b')], 'a').map((m) => m.id)).toEqual(['b']);
  });

  it('dedupes overlapping pages', () => {
    expect(dedupeById([msg('a'), msg('b'), msg('a')]).map((m) => m.id)).toEqual(['a', 'b']);
  });
});

describe('receipts only move forward', () => {
  it('ignores a late "sent" after "delivered" and "read"', () => {
    expect(acceptsStatus('delivered', 'sent')).toBe(false);
    expect(acceptsStatus('read', 'delivered')).toBe(false);
    expect(acceptsStatus('sent', 'read')).toBe(true);
  });

  it('lets a retry leave "failed", and does not fail a delivered message', () => {
    expect(acceptsStatus('failed', 'queued')).toBe(true);
    expect(acceptsStatus('sending', 'failed')).toBe(true);
    expect(acceptsStatus('delivered', 'failed')).toBe(false);
  });

  it('applies a failure with its error, and clears the error on success', () => {
    const err = { code: '551', message: 'This person is not available right now.' };
    const failed = applyStatus([msg('m1', { status: 'sending' })], 'm1', 'failed', err);
    expect(failed?.[0]).toMatchObject({ status: 'failed', error: err });
    const sent = applyStatus(failed!, 'm1', 'sent', null);
    expect(sent?.[0]).toMatchObject({ status: 'sent', error: null });
  });

  it('returns null for a message that is not loaded, so the caller refetches', () => {
    expect(applyStatus([msg('a')], 'zzz', 'sent', null)).toBeNull();
  });
});
