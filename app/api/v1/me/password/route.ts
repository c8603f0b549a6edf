import { authed, json, readJson } from '@/lib/api/handler';
import { changeOwnPassword } from '@/lib/domain/change-password';

export const dynamic = 'force-dynamic';
export const POST = authed(async (req, actor) => json(await changeOwnPassword(actor, await readJson(req))));
