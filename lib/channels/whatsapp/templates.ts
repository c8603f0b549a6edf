import { z } from 'zod';
import type { MessageTemplate, SharedCache } from '../types';

/** Templates change rarely and the management API allows ~200 calls/h per WABA: cache 10 minutes. */
export const TEMPLATE_CACHE_SECONDS = 600;

const componentSchema = z.looseObject({ type: z.string(), text: z.string().optional() });
const templateSchema = z.looseObject({
  name: z.string(),
  language: z.string(),
  category: z.string().optional(),
  status: z.string().optional(),
  components: z.array(componentSchema).optional(),
});

/** Distinct {{1}} / {{name}} placeholders: each needs one parameter when sending. */
export function countParameters(body: string | undefined): number {
  if (!body) return 0;
  return new Set([...body.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1])).size;
}

/**
 * Templates as Meta (`data[]`) or 360dialog (`waba_templates[]`) list them. Items we cannot read
 * are skipped rather than failing the whole list. Status is upper-cased (360dialog sends "approved").
 */
export function mapTemplates(items: unknown[]): MessageTemplate[] {
  const out: MessageTemplate[] = [];
  for (const item of items) {
    const parsed = templateSchema.safeParse(item);
    if (!parsed.success) continue;
    const t = parsed.data;
    const body = t.components?.find((c) => c.type.toUpperCase() === 'BODY')?.text;
    out.push({
      name: t.name, language: t.language,
      ...(t.category ? { category: t.category.toUpperCase() } : {}),
      ...(t.status ? { status: t.status.toUpperCase() } : {}),
      ...(body !== undefined ? { body } : {}),
      parameterCount: countParameters(body),
    });
  }
  return out;
}

/** Cached per key in the shared cache (all processes); failures are never cached. */
export async function cachedTemplates(cache: SharedCache, key: string, load: () => Promise<MessageTemplate[]>): Promise<MessageTemplate[]> {
  const hit = await cache.get(key);
  if (hit) {
    try {
      return JSON.parse(hit) as MessageTemplate[];
    } catch {
      // A corrupt entry is reloaded below.
    }
  }
  const templates = await load();
  await cache.set(key, JSON.stringify(templates), TEMPLATE_CACHE_SECONDS);
  return templates;
}
