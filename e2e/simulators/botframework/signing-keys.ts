/**
 * The fake login.botframework.com key set: RSA keys with channel endorsements, rotation to a
 * new kid, and keys that are never published (for forged tokens).
 */
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export const ENDORSEMENTS = ['msteams', 'webchat', 'directline', 'emulator'];
/**
 * Endorsed for Direct Line only: signs the "channel not endorsed" negative case, since the
 * simulator's conversations are Teams or Web Chat ones.
 */
export const NARROW_KID = 'sim-directline-only';

export interface SimKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK & { endorsements: string[] };
}

async function makeKey(kid: string, endorsements: string[]): Promise<SimKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const { kty, n, e } = await exportJWK(publicKey);
  // Like Microsoft's keys: no `alg`, `use: sig`, and the channels that endorse the key.
  return { kid, privateKey, jwk: { kty, n, e, kid, use: 'sig', endorsements } };
}

export class SigningKeys {
  private generation = 1;

  private constructor(
    private signing: SimKey,
    private published: SimKey[],
    readonly narrow: SimKey,
    readonly unpublished: SimKey,
  ) {}

  static async create(): Promise<SigningKeys> {
    const first = await makeKey('sim-key-1', ENDORSEMENTS);
    const narrow = await makeKey(NARROW_KID, ['directline']);
    return new SigningKeys(first, [first, narrow], narrow, await makeKey('sim-unpublished', ENDORSEMENTS));
  }

  /** The key new tokens are signed with. */
  get current(): SimKey {
    return this.signing;
  }

  /** The JWKS document (`{ keys }`) served at jwks_uri. */
  jwks(): { keys: SimKey['jwk'][] } {
    return { keys: this.published.map((k) => k.jwk) };
  }

  /** A new kid signs from now on; the old key stays published unless dropOld (Microsoft overlaps them). */
  async rotate(dropOld = false): Promise<string> {
    const next = await makeKey(`sim-key-${++this.generation}`, ENDORSEMENTS);
    this.published = [...(dropOld ? this.published.filter((k) => k !== this.signing) : this.published), next];
    this.signing = next;
    return next.kid;
  }
}
