import { authed, json, readJson, searchParams } from '@/lib/api/handler';
import { createReply, listMessages } from '@/lib/domain/messages';

export const dynamic = 'force-dynamic';
export const GET = authed<{ id: string }>(async (req, actor, { id }) => json(await listMessages(actor, id, searchParams(req))));
export const POST = authed<{ id: string }>(async (req, actor, { id }) => json(await createReply(actor, id, await readJson(req)), 201));
