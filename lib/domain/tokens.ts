/** API tokens for integrations: created by a user, shown once, stored hashed. */
import { z } from 'zod';
import { db } from '@/lib/db';
import { hashApiToken, looksLikeApiToken, newApiToken } from '@/lib/crypto/tokens';
import type { Actor } from './actor';
import { audit } from './audit';
import { invalid, notFound } from './errors';
import { isUuid } from './ids';
import { userView } from './users';

export const newTokenInput = z.object({ name: z.string().trim().min(1, 'Give the token a name').max(100) });

export async function createToken(actor: Actor, input: unknown) {
  const parsed = newTokenInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues[0].message);
  const { token, hash, prefix } = newApiToken();
  const row = await db().apiToken.create({ data: { userId: actor.id, name: parsed.data.name, tokenHash: hash, prefix } });
  await audit(actor.id, 'token.created', 'api_token', row.id, { name: row.name });
  return { id: row.id, name: row.name, prefix, token, createdAt: row.createdAt };
}

export async function listTokens(actor: Actor) {
  const rows = await db().apiToken.findMany({ where: { userId: actor.id, revokedAt: null }, orderBy: { createdAt: 'desc' } });
  return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt }));
}

export async function revokeToken(actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound('Token');
  const result = await db().apiToken.updateMany({ where: { id, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (result.count === 0) throw notFound('Token');
  await audit(actor.id, 'token.revoked', 'api_token', id);
}

const lastUsedWrites = new Map<string, number>();

/** Resolves `Authorization: Bearer <token>` to its owner. */
export async function actorForToken(token: string): Promise<Actor | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  // lastUsedAt is informational: write it at most once a minute per token.
  const now = Date.now();
  if ((lastUsedWrites.get(row.id) ?? 0) < now - 60_000) {
    lastUsedWrites.set(row.id, now);
    void db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => undefined);
  }
  return userView(row.user);
}
