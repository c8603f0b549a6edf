import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filtersToSearch, parseFilters } from './filters';

describe('inbox filters in the URL', () => {
  it('defaults to open conversations of anyone', () => {
    expect(parseFilters(new URLSearchParams(''))).toEqual(DEFAULT_FILTERS);
    expect(parseFilters(null)).toEqual(DEFAULT_FILTERS);
  });

  it('ignores values it does not know', () => {
    expect(parseFilters(new URLSearchParams('status=bogus&assignee=<script>'))).toEqual(DEFAULT_FILTERS);
  });

  it('round-trips, writing only what differs from the defaults', () => {
    const f = parseFilters(new URLSearchParams('status=resolved&assignee=me&inboxId=i1'));
    expect(f).toEqual({ status: 'resolved', assignee: 'me', inboxId: 'i1' });
    expect(filtersToSearch(f)).toBe('?status=resolved&assignee=me&inboxId=i1');
    expect(filtersToSearch(DEFAULT_FILTERS)).toBe('');
  });
});
