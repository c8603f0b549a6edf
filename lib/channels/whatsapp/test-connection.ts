import type { TestConnectionResult } from '../types';
import { describeNetworkError, fetchWithTimeout, readResponseBody } from '../shared/http';
import { bearer, cloudUrl } from './cloud-api';
import { readCloudError } from './cloud-error';
import type { WhatsAppConfig } from './config';

/** Reads the configured number with the token: proves token, permission and phone number id at once. Never throws. */
export async function testWhatsAppConnection(config: WhatsAppConfig, fetchImpl: typeof fetch): Promise<TestConnectionResult> {
  const host = new URL(config.apiBaseUrl).host;
  let status: number;
  let json: unknown;
  try {
    const url = cloudUrl(config, encodeURIComponent(config.phoneNumberId), { fields: 'display_phone_number,verified_name' });
    const res = await fetchWithTimeout(fetchImpl, url, { headers: bearer(config) });
    status = res.status;
    ({ json } = await readResponseBody(res));
  } catch (err) {
    return { ok: false, message: `Could not reach ${host}: ${describeNetworkError(err)}` };
  }

  const error = readCloudError(json);
  if (error?.code === 190) {
    return { ok: false, message: 'The access token is invalid or expired: create a new system-user token with the whatsapp_business_messaging permission' };
  }
  if (error?.code === 10 || (error?.code !== undefined && error.code >= 200 && error.code <= 299)) {
    return { ok: false, message: `The access token has no permission for phone number ID ${config.phoneNumberId}: give its system user access to this WhatsApp account` };
  }
  if (error?.code === 100) {
    return { ok: false, message: `Meta knows no phone number with ID ${config.phoneNumberId} for this token: copy the Phone number ID from WhatsApp Manager → API Setup` };
  }
  if (error) return { ok: false, message: `Meta refused the check${error.code === undefined ? '' : ` (code ${error.code})`}: ${error.message ?? 'no message'}` };

  const number = json as { display_phone_number?: unknown; verified_name?: unknown; id?: unknown } | undefined;
  if (typeof number?.display_phone_number !== 'string') {
    return { ok: false, message: `Unexpected answer from ${host} (HTTP ${status}); is the API base URL right?` };
  }
  const name = typeof number.verified_name === 'string' ? number.verified_name : 'no verified name';
  return {
    ok: true, message: `Connected to WhatsApp number ${number.display_phone_number} («${name}»)`,
    details: { phoneNumberId: config.phoneNumberId, displayPhoneNumber: number.display_phone_number, verifiedName: name },
  };
}
