import { authed, json } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';
export const GET = authed(async (_req, actor) => json(actor));
