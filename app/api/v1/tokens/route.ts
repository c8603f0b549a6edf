import { authed, json, readJson } from '@/lib/api/handler';
import { createToken, listTokens } from '@/lib/domain/tokens';

export const dynamic = 'force-dynamic';
export const GET = authed(async (_req, actor) => json({ items: await listTokens(actor) }));
export const POST = authed(async (req, actor) => json(await createToken(actor, await readJson(req)), 201));
