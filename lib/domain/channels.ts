import { connectors } from '@/lib/channels/registry';
import type { Connector } from '@/lib/channels/types';
import { configFields } from './channel-fields';

/** The channels an admin can connect, with the fields of each (for the wizard). */
export function listChannels() {
  return Object.values(connectors as Record<string, Connector>).map((c) => ({ key: c.key, displayName: c.displayName, capabilities: c.capabilities, fields: configFields(c) }));
}
