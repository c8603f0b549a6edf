import { health } from '@/lib/domain/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const result = await health();
  return Response.json(result, { status: result.ok ? 200 : 503 });
}
