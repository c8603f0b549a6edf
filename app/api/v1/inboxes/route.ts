import { authed, json, readJson } from '@/lib/api/handler';
import { createInbox, listInboxes } from '@/lib/domain/inboxes';

export const dynamic = 'force-dynamic';
export const GET = authed(async (_req, actor) => json({ items: await listInboxes(actor) }));
export const POST = authed(async (req, actor) => json(await createInbox(actor, await readJson(req)), 201));
