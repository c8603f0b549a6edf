import { authed, json } from '@/lib/api/handler';
import { retryInboundEvent } from '@/lib/domain/inbound-failures';

export const dynamic = 'force-dynamic';
export const POST = authed<{ id: string }>(async (_req, actor, { id }) => json(await retryInboundEvent(actor, id), 202));
