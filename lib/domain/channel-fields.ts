/** Describes a connector's config fields for forms (the wizard renders from the zod schema). */
import { z } from 'zod';
import type { Connector } from '@/lib/channels/types';

export interface ConfigField {
  name: string;
  label: string;
  description?: string;
  type: 'string' | 'boolean' | 'url';
  required: boolean;
  secret: boolean;
  default?: string | boolean;
}

const label = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).replace(/\bId\b/g, 'ID').replace(/\bUrl\b/g, 'URL').replace(/\bApi\b/g, 'API');

type JsonProp = { type?: string; format?: string; description?: string; title?: string; default?: unknown };

export function configFields(connector: Connector): ConfigField[] {
  const schema = z.toJSONSchema(connector.configSchema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonProp>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, p]) => ({
    name,
    label: p.title ?? label(name),
    description: p.description,
    type: p.type === 'boolean' ? 'boolean' : p.format === 'uri' ? 'url' : 'string',
    required: (schema.required ?? []).includes(name) && p.default === undefined,
    secret: connector.secretFields.includes(name),
    // Generated defaults (verify tokens) are per inbox: never show one in a form.
    default: typeof p.default === 'string' || typeof p.default === 'boolean' ? p.default : undefined,
  }));
}
