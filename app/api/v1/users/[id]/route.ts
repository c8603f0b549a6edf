import { authed, json, readJson } from '@/lib/api/handler';
import { updateUser } from '@/lib/domain/update-user';

export const dynamic = 'force-dynamic';
export const PATCH = authed<{ id: string }>(async (req, actor, { id }) => json(await updateUser(actor, id, await readJson(req))));
