import { db } from '@/lib/db';

/** Replies sent since the customer last wrote: channels cap them per window (WeChat 45047). */
export async function sentSinceInbound(conversationId: string, lastInboundAt: Date | null, exceptMessageId?: string): Promise<number> {
  return db().message.count({
    where: {
      conversationId, direction: 'outbound', kind: { not: 'note' }, status: { in: ['sending', 'sent', 'delivered', 'read'] },
      ...(lastInboundAt && { timestamp: { gt: lastInboundAt } }),
      ...(exceptMessageId && { id: { not: exceptMessageId } }),
    },
  });
}
