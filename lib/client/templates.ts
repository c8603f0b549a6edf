/** Pure helpers for message templates (sendable once a reply window has closed). */
import type { MessageTemplate, TemplateSend } from './types';

/** Same name can exist in several languages: name + language identifies a template. */
export function templateKey(t: Pick<MessageTemplate, 'name' | 'language'>): string {
  return `${t.name}\u0000${t.language}`;
}

/** Sendable: approved, or a provider that reports no status at all. */
export function isApprovedTemplate(t: MessageTemplate): boolean {
  return t.status === undefined || t.status.toUpperCase() === 'APPROVED';
}

/** Approved templates sorted by name then language; the rest only counted (pending, rejected, paused). */
export function splitTemplates(items: MessageTemplate[]): { approved: MessageTemplate[]; otherCount: number } {
  const approved = items
    .filter(isApprovedTemplate)
    .sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
  return { approved, otherCount: items.length - approved.length };
}

/** The thread text the server stores for a template send; used for the optimistic bubble too. */
export function templateSummary(t: TemplateSend): string {
  return `Template ${t.name} (${t.language})${t.parameters.length ? `: ${t.parameters.join(' · ')}` : ''}`;
}
