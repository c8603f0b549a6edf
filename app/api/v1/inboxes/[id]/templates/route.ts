import { authed, json } from '@/lib/api/handler';
import { listInboxTemplates } from '@/lib/domain/templates';

export const dynamic = 'force-dynamic';
export const GET = authed<{ id: string }>(async (_req, actor, { id }) => json({ items: await listInboxTemplates(actor, id) }));
