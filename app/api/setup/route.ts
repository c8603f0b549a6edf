import { json, open, readJson } from '@/lib/api/handler';
import { guardSetupRequest, SETUP_MAX_BYTES } from '@/lib/api/setup-guard';
import { createFirstAdmin, needsSetup } from '@/lib/domain/users';

export const dynamic = 'force-dynamic';

export const GET = open(async () => json({ needsSetup: await needsSetup() }));
export const POST = open(async (req) => {
  await guardSetupRequest(req); // 429 per address, 409 once installed: before any body read or lock
  return json(await createFirstAdmin((await readJson(req, SETUP_MAX_BYTES)) as never), 201);
});
