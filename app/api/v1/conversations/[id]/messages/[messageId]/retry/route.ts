import { authed, json } from '@/lib/api/handler';
import { retryMessage } from '@/lib/domain/messages';

export const dynamic = 'force-dynamic';
export const POST = authed<{ id: string; messageId: string }>(async (_req, actor, { id, messageId }) => json(await retryMessage(actor, id, messageId)));
