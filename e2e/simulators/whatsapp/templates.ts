/** The message templates every simulated number has, in Meta's and 360dialog's list shapes. */
import { waErrors } from './wa-errors';

export interface SimTemplate {
  id: string;
  name: string;
  language: string;
  category: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
  status: 'APPROVED' | 'PENDING' | 'REJECTED';
  components: { type: string; text?: string; format?: string }[];
}

const body = (text: string) => ({ type: 'BODY', text });

export const TEMPLATES: SimTemplate[] = [
  { id: '1192250908230918', name: 'hello_world', language: 'en_US', category: 'UTILITY', status: 'APPROVED', components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
    body('Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta.'),
    { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
  ] },
  { id: '594425479261596', name: 'order_update', language: 'en_US', category: 'UTILITY', status: 'APPROVED', components: [body('Hi {{1}}, your order {{2}} has shipped and arrives {{3}}.')] },
  { id: '771093415542319', name: 'support_followup', language: 'pt_BR', category: 'UTILITY', status: 'APPROVED', components: [body('Olá {{1}}! Ainda precisa de ajuda com o seu pedido?')] },
  { id: '902183746512093', name: 'spring_sale', language: 'en_US', category: 'MARKETING', status: 'PENDING', components: [body('Spring sale: {{1}} off everything until {{2}}!')] },
];

const placeholders = (t: SimTemplate) =>
  new Set([...(t.components.find((c) => c.type === 'BODY')?.text ?? '').matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1])).size;

/** Meta's checks on a template send: approved in that language (132001), body parameter count (132000). */
export function checkTemplateSend(template: Record<string, unknown>): void {
  const name = String(template.name ?? '');
  const language = String((template.language as { code?: unknown } | undefined)?.code ?? '');
  const found = TEMPLATES.find((t) => t.name === name && t.language === language && t.status === 'APPROVED');
  if (!found) throw waErrors.templateMissing(name, language);
  const components = Array.isArray(template.components) ? (template.components as Record<string, unknown>[]) : [];
  const params = components.find((c) => String(c.type).toLowerCase() === 'body')?.parameters;
  const given = Array.isArray(params) ? params.length : 0;
  if (given !== placeholders(found)) throw waErrors.templateParams(placeholders(found), given);
}

/** GET /{version}/{waba}/message_templates: cursor paging like Graph (limit, after). */
export function cloudTemplatePage(url: URL): Record<string, unknown> {
  const limit = Math.max(1, Math.min(100, Number(url.searchParams.get('limit') ?? 25) || 25));
  const after = url.searchParams.get('after');
  const start = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
  const data = TEMPLATES.slice(start, start + limit).map(({ id, ...t }) => ({ ...t, id }));
  const cursor = (i: number) => Buffer.from(String(i)).toString('base64url');
  const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + data.length) } };
  if (start + data.length < TEMPLATES.length) {
    const next = new URL(url);
    next.searchParams.set('after', cursor(start + data.length));
    paging.next = next.toString();
  }
  return { data, paging };
}

/** GET /v1/configs/templates (360dialog): everything at once, lower-case statuses, a namespace. */
export function d360TemplateList(): Record<string, unknown> {
  const waba_templates = TEMPLATES.map((t) => ({
    category: t.category, components: t.components, language: t.language, name: t.name,
    namespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574', rejected_reason: 'NONE', status: t.status.toLowerCase(),
  }));
  return { count: waba_templates.length, filters: {}, limit: 1000, offset: 0, sort: ['id'], total: waba_templates.length, waba_templates };
}
