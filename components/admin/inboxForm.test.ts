import { describe, expect, it } from 'vitest';
import type { ChannelField } from '@/lib/client/types';
import { initialValues, normaliseServerErrors, splitFields, toConfig, validate } from './inboxForm';

const fields: ChannelField[] = [
  { name: 'pageId', label: 'Page ID', type: 'string', required: true, secret: false },
  { name: 'pageAccessToken', label: 'Page access token', type: 'string', required: true, secret: true },
  { name: 'graphBaseUrl', label: 'Graph base URL', type: 'url', required: false, secret: false, default: 'https://graph.facebook.com' },
  { name: 'humanAgentTag', label: 'Human agent tag', type: 'boolean', required: false, secret: false, default: true },
];

describe('add-inbox form', () => {
  it('asks fields without defaults up front and tucks the rest under Advanced', () => {
    const { main, advanced } = splitFields(fields);
    expect(main.map((f) => f.name)).toEqual(['pageId', 'pageAccessToken']);
    expect(advanced.map((f) => f.name)).toEqual(['graphBaseUrl', 'humanAgentTag']);
  });

  it('reports missing required fields, a missing name and bad URLs', () => {
    const values = { ...initialValues(fields), graphBaseUrl: 'javascript:alert(1)' };
    expect(validate(fields, values, ' ')).toEqual({
      name: expect.any(String),
      pageId: 'Page ID is required',
      pageAccessToken: 'Page access token is required',
      graphBaseUrl: expect.stringContaining('https://'),
    });
  });

  it('sends trimmed values and leaves untouched defaults to the server', () => {
    const values = { ...initialValues(fields), pageId: ' 123 ', pageAccessToken: 'tok' };
    expect(toConfig(fields, values)).toEqual({ pageId: '123', pageAccessToken: 'tok' });
    expect(toConfig(fields, { ...values, humanAgentTag: false })).toMatchObject({ humanAgentTag: false });
  });

  it('maps server field errors keyed config.x onto the field', () => {
    expect(normaliseServerErrors({ 'config.pageId': 'Unknown page' })).toEqual({ pageId: 'Unknown page' });
  });
});
