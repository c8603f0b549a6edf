/** The pieces every simulator operation works with, wired once by createContext. */
import type { ResolvedOptions } from './options';
import { SigningKeys } from './signing-keys';
import { SimulatorState } from './state';

export interface SimulatorContext {
  options: ResolvedOptions;
  state: SimulatorState;
  keys: SigningKeys;
  /** This simulator's base URL, e.g. http://127.0.0.1:4101 (known once listening). */
  baseUrl(): string;
  /** Aborts hanging Connector calls and deliveries on reset/close. */
  aborts: Set<AbortController>;
}

export async function createContext(options: ResolvedOptions, baseUrl: () => string): Promise<SimulatorContext> {
  return { options, state: new SimulatorState(), keys: await SigningKeys.create(), baseUrl, aborts: new Set() };
}

/** Like Teams, every region and channel has its own Connector: here a path prefix per channel. */
export function serviceUrlFor(ctx: SimulatorContext, channelId: string): string {
  return `${ctx.baseUrl()}/${channelId === 'msteams' ? 'amer' : channelId}/`;
}

export const openIdMetadataUrl = (ctx: SimulatorContext) => `${ctx.baseUrl()}/v1/.well-known/openidconfiguration`;
export const tokenEndpointFor = (ctx: SimulatorContext, tenantId: string) => `${ctx.baseUrl()}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
