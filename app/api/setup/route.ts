import { json, open, readJson } from '@/lib/api/handler';
import { guardSetupRequest, SETUP_MAX_BYTES } from '@/lib/api/setup-guard';
import { requireSetupCode, setupCodeUsed } from '@/lib/auth/setup-gate';
import { createFirstAdmin, needsSetup } from '@/lib/domain/users';

export const dynamic = 'force-dynamic';

export const GET = open(async () => json({ needsSetup: await needsSetup() }));
export const POST = open(async (req) => {
  await guardSetupRequest(req); // 429 per address, 409 once installed: before any body read or lock
  const body = await readJson(req, SETUP_MAX_BYTES);
  await requireSetupCode(req, body); // remote first run needs the code printed in the terminal
  const admin = await createFirstAdmin(body as never);
  await setupCodeUsed();
  return json(admin, 201);
});
