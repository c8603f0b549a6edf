import { authed, json, readJson } from '@/lib/api/handler';
import { clientAddress } from '@/lib/auth/client-address';
import { changeOwnPassword } from '@/lib/domain/change-password';

export const dynamic = 'force-dynamic';
export const POST = authed(async (req, actor) => json(await changeOwnPassword(actor, await readJson(req), clientAddress(req.headers))));
