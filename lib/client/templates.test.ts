import { describe, expect, it } from 'vitest';
import { splitTemplates, templateKey, templateSummary } from './templates';

describe('template list', () => {
  it('keeps approved templates (or ones without a status), sorted, and counts the rest', () => {
    const { approved, otherCount } = splitTemplates([
      { name: 'b', language: 'en', status: 'APPROVED', parameterCount: 0 },
      { name: 'a', language: 'fr', status: 'approved', parameterCount: 0 },
      { name: 'a', language: 'en', parameterCount: 1 },
      { name: 'c', language: 'en', status: 'PENDING', parameterCount: 0 },
      { name: 'd', language: 'en', status: 'REJECTED', parameterCount: 0 },
    ]);
    expect(approved.map(templateKey)).toEqual([templateKey({ name: 'a', language: 'en' }), templateKey({ name: 'a', language: 'fr' }), templateKey({ name: 'b', language: 'en' })]);
    expect(otherCount).toBe(2);
  });

  it('summarises a send the way the server stores it', () => {
    expect(templateSummary({ name: 'order_update', language: 'en_US', parameters: ['Ana', '#42'] })).toBe('Template order_update (en_US): Ana · #42');
    expect(templateSummary({ name: 'hello', language: 'en', parameters: [] })).toBe('Template hello (en)');
  });
});
