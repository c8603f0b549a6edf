import { authed } from '@/lib/api/handler';
import { openAttachment } from '@/lib/domain/media';

export const dynamic = 'force-dynamic';
export const GET = authed<{ id: string; index: string }>(async (_req, actor, { id, index }) => openAttachment(actor, id, Number(index)));
