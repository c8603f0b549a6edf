import { z } from 'zod';
import { describeNetworkError, fetchWithTimeout, readResponseBody } from '../shared/http';

/** A signing key as published in the Bot Framework JWKS: RSA, with the channels that endorse it. */
export interface BotSigningKey {
  kty: 'RSA';
  kid: string;
  n: string;
  e: string;
  alg?: string;
  use?: string;
  endorsements?: string[];
  [extra: string]: unknown;
}

const FETCH_TIMEOUT_MS = 10_000;

const metadataSchema = z.looseObject({ jwks_uri: z.url({ protocol: /^https?$/ }) });
const jwksSchema = z.looseObject({ keys: z.array(z.unknown()) });
const rsaKeySchema = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  n: z.string().min(1),
  e: z.string().min(1),
  alg: z.string().optional(),
  use: z.string().optional(),
  endorsements: z.array(z.string()).optional(),
});

export class KeyFetchError extends Error {
  override name = 'KeyFetchError';
}

async function getJson(fetchImpl: typeof fetch, url: string, what: string): Promise<unknown> {
  let res: Response;
  let json: unknown;
  try {
    res = await fetchWithTimeout(fetchImpl, url, { headers: { accept: 'application/json' } }, FETCH_TIMEOUT_MS);
    ({ json } = await readResponseBody(res));
  } catch (err) {
    throw new KeyFetchError(`could not fetch the ${what}: ${describeNetworkError(err, FETCH_TIMEOUT_MS)}`);
  }
  if (!res.ok) throw new KeyFetchError(`the ${what} (${url}) answered HTTP ${res.status}`);
  return json;
}

/**
 * OpenID metadata → jwks_uri → the RSA signing keys (PROTOCOLS.md 4b step 2). Keys that are not
 * RSA, lack a kid, or are published for encryption are left out: they can never verify a token.
 */
export async function fetchSigningKeys(fetchImpl: typeof fetch, metadataUrl: string): Promise<BotSigningKey[]> {
  const metadata = metadataSchema.safeParse(await getJson(fetchImpl, metadataUrl, 'OpenID metadata'));
  if (!metadata.success) throw new KeyFetchError(`the OpenID metadata at ${metadataUrl} has no valid jwks_uri`);
  const jwksUri = metadata.data.jwks_uri;
  const jwks = jwksSchema.safeParse(await getJson(fetchImpl, jwksUri, 'signing key set'));
  if (!jwks.success) throw new KeyFetchError(`the key set at ${jwksUri} has no "keys" array`);
  const keys: BotSigningKey[] = [];
  for (const raw of jwks.data.keys) {
    const key = rsaKeySchema.safeParse(raw);
    if (key.success && (key.data.use === undefined || key.data.use === 'sig')) keys.push(key.data as BotSigningKey);
  }
  return keys;
}
