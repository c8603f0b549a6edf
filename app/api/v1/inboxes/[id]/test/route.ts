import { authed, json } from '@/lib/api/handler';
import { testInbox } from '@/lib/domain/inboxes';

export const dynamic = 'force-dynamic';
export const POST = authed<{ id: string }>(async (_req, actor, { id }) => json(await testInbox(actor, id)));
