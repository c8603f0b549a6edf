import { authed } from '@/lib/api/handler';
import { ATTACHMENT_SECURITY_HEADERS } from '@/lib/domain/attachment-response';
import { openAttachment } from '@/lib/domain/media';

export const dynamic = 'force-dynamic';

const handler = authed<{ id: string; index: string }>(async (_req, actor, { id, index }) => openAttachment(actor, id, Number(index)));

/** Every answer of this route, errors included, is sandboxed and never sniffed into something active. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string; index: string }> }): Promise<Response> {
  const res = await handler(req, ctx);
  for (const [name, value] of Object.entries(ATTACHMENT_SECURITY_HEADERS)) res.headers.set(name, value);
  return res;
}
