/**
 * Connector → bot JWTs (PROTOCOLS.md 4g), signed with jose like the real Connector: RS256, iss
 * https://api.botframework.com, aud = the bot's app id, serviceurl = this simulator's Connector,
 * about 1 h of lifetime, kid in the header. Every negative case verify must refuse, on demand.
 */
import { base64url, SignJWT } from 'jose';
import type { SigningKeys } from './signing-keys';

export const TOKEN_VARIANTS = [
  'valid', 'missing', 'expired', 'wrong-aud', 'wrong-issuer', 'unendorsed-channel',
  'serviceurl-mismatch', 'unknown-kid', 'alg-none', 'hs256',
] as const;
export type TokenVariant = (typeof TOKEN_VARIANTS)[number];

export const CONNECTOR_ISSUER = 'https://api.botframework.com';

interface TokenInput {
  appId: string;
  serviceUrl: string;
  lifetimeSeconds: number;
  variant: TokenVariant;
}

/** The Authorization header value for an activity, or null for the `missing` case. */
export async function connectorAuthorization(keys: SigningKeys, input: TokenInput): Promise<string | null> {
  if (input.variant === 'missing') return null;
  return `Bearer ${await connectorJwt(keys, input)}`;
}

export async function connectorJwt(keys: SigningKeys, { appId, serviceUrl, lifetimeSeconds, variant }: TokenInput): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  // Expired well beyond the 5-minute clock tolerance receivers allow.
  const exp = variant === 'expired' ? now - 600 : now + lifetimeSeconds;
  const claims = {
    serviceurl: variant === 'serviceurl-mismatch' ? 'https://smba.attacker.example/amer/' : serviceUrl,
    nbf: variant === 'expired' ? now - lifetimeSeconds - 600 : now - 5,
    iat: variant === 'expired' ? now - lifetimeSeconds - 600 : now - 5,
    exp,
  };
  const iss = variant === 'wrong-issuer' ? 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' : CONNECTOR_ISSUER;
  const aud = variant === 'wrong-aud' ? '00000000-0000-4000-8000-0000000000aa' : appId;

  if (variant === 'alg-none') {
    const part = (v: unknown) => base64url.encode(JSON.stringify(v));
    return `${part({ alg: 'none', typ: 'JWT', kid: keys.current.kid })}.${part({ ...claims, iss, aud })}.`;
  }
  if (variant === 'hs256') {
    // The classic key-confusion forgery: HMAC keyed with the public modulus.
    return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: keys.current.kid })
      .setIssuer(iss).setAudience(aud).sign(new TextEncoder().encode(keys.current.jwk.n));
  }
  const key = variant === 'unknown-kid' ? keys.unpublished : variant === 'unendorsed-channel' ? keys.narrow : keys.current;
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setIssuer(iss).setAudience(aud).sign(key.privateKey);
}
