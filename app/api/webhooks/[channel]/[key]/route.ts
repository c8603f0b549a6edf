// Webhooks normally reach lib/ingress directly through the custom server (before Next's
// router, for throughput); this route makes the same function serve under `next dev` too.
import { handleWebhook } from '@/lib/ingress/webhook';

export const dynamic = 'force-dynamic';
export const GET = handleWebhook;
export const POST = handleWebhook;
