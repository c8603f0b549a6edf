import { authed, json, readJson } from '@/lib/api/handler';
import { getConversation, updateConversation } from '@/lib/domain/conversations';

export const dynamic = 'force-dynamic';
export const GET = authed<{ id: string }>(async (_req, actor, { id }) => json(await getConversation(actor, id)));
export const PATCH = authed<{ id: string }>(async (req, actor, { id }) => json(await updateConversation(actor, id, await readJson(req))));
