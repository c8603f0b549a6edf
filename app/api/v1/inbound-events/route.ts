import { authed, json, searchParams } from '@/lib/api/handler';
import { listFailedInboundEvents } from '@/lib/domain/inbound-failures';

export const dynamic = 'force-dynamic';
export const GET = authed(async (req, actor) => json(await listFailedInboundEvents(actor, searchParams(req))));
