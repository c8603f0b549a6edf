import { authed } from '@/lib/api/handler';
import { revokeToken } from '@/lib/domain/tokens';

export const dynamic = 'force-dynamic';
export const DELETE = authed<{ id: string }>(async (_req, actor, { id }) => {
  await revokeToken(actor, id);
  return new Response(null, { status: 204 });
});
