import { authed, json } from '@/lib/api/handler';
import { listChannels } from '@/lib/domain/channels';

export const dynamic = 'force-dynamic';
export const GET = authed(async () => json({ items: listChannels() }));
