import { authed, json, searchParams } from '@/lib/api/handler';
import { listConversations } from '@/lib/domain/conversations';

export const dynamic = 'force-dynamic';
export const GET = authed(async (req, actor) => json(await listConversations(actor, searchParams(req))));
