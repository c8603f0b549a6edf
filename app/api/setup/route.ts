import { json, open, readJson } from '@/lib/api/handler';
import { createFirstAdmin, needsSetup } from '@/lib/domain/users';

export const dynamic = 'force-dynamic';

export const GET = open(async () => json({ needsSetup: await needsSetup() }));
export const POST = open(async (req) => json(await createFirstAdmin((await readJson(req)) as never), 201));
