import { authed, json, readJson } from '@/lib/api/handler';
import { createUser, listUsers } from '@/lib/domain/users';

export const dynamic = 'force-dynamic';
export const GET = authed(async () => json({ items: await listUsers() }));
export const POST = authed(async (req, actor) => json(await createUser(actor, (await readJson(req)) as never), 201));
