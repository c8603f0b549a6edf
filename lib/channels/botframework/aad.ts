import { describeNetworkError, fetchWithTimeout, readResponseBody } from '../shared/http';
import type { BotFrameworkConfig } from './config';
import { MULTI_TENANT } from './config';

export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com/.default';
const TIMEOUT_MS = 15_000;

export type TokenResponse =
  | { ok: true; accessToken: string; expiresIn: number }
  | { ok: false; network: true; reason: string }
  | { ok: false; network: false; status: number; aadCode?: string; reason: string; retryAfter: string | null };

/** Client-credentials grant for the Bot Connector (PROTOCOLS.md 4e). Never throws. */
export async function requestToken(
  config: Pick<BotFrameworkConfig, 'appId' | 'appPassword' | 'tokenEndpoint'>,
  fetchImpl: typeof fetch,
): Promise<TokenResponse> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: config.appId,
    client_secret: config.appPassword,
    scope: BOT_FRAMEWORK_SCOPE,
  });
  let res: Response;
  let json: unknown;
  try {
    res = await fetchWithTimeout(fetchImpl, config.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    }, TIMEOUT_MS);
    ({ json } = await readResponseBody(res));
  } catch (err) {
    return { ok: false, network: true, reason: describeNetworkError(err, TIMEOUT_MS) };
  }
  const body = (json ?? {}) as { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown; error_codes?: unknown };
  const expiresIn = Number(body.expires_in);
  if (res.ok && typeof body.access_token === 'string' && body.access_token && Number.isFinite(expiresIn)) {
    return { ok: true, accessToken: body.access_token, expiresIn };
  }
  const description = typeof body.error_description === 'string' ? body.error_description : undefined;
  const codes = Array.isArray(body.error_codes) ? body.error_codes : [];
  const aadCode = codes.length ? `AADSTS${codes[0]}` : /AADSTS\d+/.exec(description ?? '')?.[0];
  const reason = description?.split(/\r?\n/)[0] ?? (typeof body.error === 'string' ? body.error : `HTTP ${res.status}`);
  return { ok: false, network: false, status: res.status, ...(aadCode ? { aadCode } : {}), reason, retryAfter: res.headers.get('retry-after') };
}

/** An AADSTS error in words an admin can act on. */
export function explainAadError(aadCode: string | undefined, reason: string, config: Pick<BotFrameworkConfig, 'appId' | 'tenantId'>): string {
  switch (aadCode) {
    case 'AADSTS700016':
      return config.tenantId === MULTI_TENANT
        ? `App ${config.appId} was not found in the directory (AADSTS700016): single-tenant bots need the tenant id — set Tenant ID to the bot's Directory (tenant) ID instead of ${MULTI_TENANT}`
        : `App ${config.appId} was not found in directory ${config.tenantId} (AADSTS700016): check the Microsoft App ID and that Tenant ID is the tenant of the bot's app registration (single-tenant bots need the tenant id)`;
    case 'AADSTS7000215':
      return 'The app password is invalid (AADSTS7000215): paste the client secret\'s Value (not its Secret ID) from the app registration';
    case 'AADSTS7000222':
      return 'The app password (client secret) has expired (AADSTS7000222): create a new client secret in the app registration';
    case 'AADSTS90002':
    case 'AADSTS900023':
      return `Tenant ${config.tenantId} was not found (${aadCode}): use the Directory (tenant) ID GUID of the bot's app registration`;
    default:
      return `Microsoft refused the bot's credentials${aadCode ? ` (${aadCode})` : ''}: ${reason}`;
  }
}
