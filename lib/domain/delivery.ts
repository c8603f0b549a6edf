/**
 * Sends one queued reply through its connector. State: queued → sending (recorded before the
 * call) → sent with the provider id, or failed with the provider's code and a reason an agent
 * understands. Only retryable errors are retried; a reply found in `sending` at start means a
 * worker died mid-call, and it is failed rather than risk sending it twice.
 */
import { ConnectorError, type OutboundMessage, type SendResult } from '@/lib/channels/types';
import { db, type Prisma } from '@/lib/db';
import { enqueue } from '@/lib/jobs/boss';
import { MAX_DELIVERY_ATTEMPTS, QUEUES } from '@/lib/jobs/contracts';
import { logger } from '@/lib/logger';
import { publish } from '@/lib/realtime/publish';
import { connectorFor, inboxConfig } from './inboxes';
import { untrustedFetch } from '@/lib/net';
import { postgresCache } from './shared-cache';
import { sentSinceInbound } from './window-usage';

/** Thrown to make pg-boss retry the job later with backoff (holding back later replies of the conversation). */
export class RetryLater extends Error {}

const MAX_INLINE_WAIT_S = 30;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function deliverMessage(messageId: string): Promise<'sent' | 'failed' | 'skipped'> {
  const message = await db().message.findUnique({ where: { id: messageId }, include: { conversation: { include: { identity: true, inbox: true } } } });
  if (!message || message.direction !== 'outbound' || message.kind === 'note') return 'skipped';
  const { conversation } = message;
  const inbox = conversation.inbox;
  const emit = (status: string, error: { code: string | null; message: string } | null) =>
    publish('message.updated', { messageId, conversationId: conversation.id, inboxId: inbox.id, status, error });

  if (message.status === 'sending') {
    await fail(messageId, 'unknown', 'Delivery state unknown: the worker stopped during the send. Check with the customer before retrying.');
    emit('failed', { code: 'unknown', message: 'Delivery state unknown' });
    return 'failed';
  }
  if (message.status !== 'queued') return 'skipped';

  const connector = connectorFor(inbox.channel);
  const config = connector.configSchema.parse(inboxConfig(inbox));
  // Counted once per delivery, not per attempt: retries do not change what was sent before.
  const alreadySent = await sentSinceInbound(conversation.id, conversation.lastInboundAt, message.id);
  for (;;) {
    const claimed = await db().message.updateMany({ where: { id: messageId, status: 'queued' }, data: { status: 'sending', attempts: { increment: 1 } } });
    if (claimed.count === 0) return 'skipped';
    emit('sending', null);
    const attempts = message.attempts + 1;
    try {
      const result = await connector.send(
        { config, contactExternalId: conversation.identity.externalId, reference: conversation.reference as Record<string, unknown> | null, lastInboundAt: conversation.lastInboundAt, now: new Date(), fetch, fetchUntrusted: untrustedFetch(), cache: postgresCache },
        { ...(message.template ? { template: message.template as unknown as OutboundMessage['template'] } : { text: message.text ?? undefined, attachments: message.attachments as unknown as OutboundMessage['attachments'] }), metadata: message.id, replyToExternalId: message.replyToExternalId ?? undefined, sentSinceInbound: alreadySent },
      );
      await applySendResult(conversation, result);
      // A receipt may have raced ahead of this response; never move the status backwards.
      await db().$executeRaw`UPDATE "Message" SET "status" = CASE WHEN "status" < 'sent' THEN 'sent'::"MessageStatus" ELSE "status" END,
        "externalId" = COALESCE("externalId", ${result.externalId}), "sentAt" = COALESCE("sentAt", now()), "errorCode" = NULL, "errorText" = NULL, "updatedAt" = now()
        WHERE "id" = ${messageId}::uuid`;
      emit('sent', null);
      return 'sent';
    } catch (err) {
      const e = err instanceof ConnectorError ? err : new ConnectorError('provider', `Unexpected error while sending: ${(err as Error).message}`, { retryable: false });
      logger.warn({ messageId, kind: e.kind, code: e.code, retryable: e.retryable, attempts }, 'delivery failed');
      if (!e.retryable || attempts >= MAX_DELIVERY_ATTEMPTS) {
        const reason = e.retryable ? `${e.message} (gave up after ${attempts} attempts)` : e.message;
        await fail(messageId, e.code ?? e.kind, reason);
        if (e.kind === 'invalid_recipient') await db().contactIdentity.update({ where: { id: conversation.identityId }, data: { unreachable: true } });
        if (e.retryable) await enqueue(QUEUES.outboundDead, { messageId, reason });
        emit('failed', { code: e.code ?? e.kind, message: reason });
        return 'failed';
      }
      // Not accepted by the provider: back to queued (with the reason shown) for another attempt.
      await db().message.update({ where: { id: messageId }, data: { status: 'queued', errorCode: e.code ?? e.kind, errorText: `Retrying: ${e.message}` } });
      emit('queued', { code: e.code ?? e.kind, message: `Retrying: ${e.message}` });
      message.attempts = attempts;
      if (e.retryAfterSeconds !== undefined && e.retryAfterSeconds <= MAX_INLINE_WAIT_S) {
        await sleep(e.retryAfterSeconds * 1000); // honour Retry-After exactly, then try again
        continue;
      }
      throw new RetryLater(e.message);
    }
  }
}

/** What a send taught us about the conversation: a moved customer id (Telegram group upgrade), a new reference. */
async function applySendResult(conversation: { id: string; identityId: string }, result: SendResult): Promise<void> {
  if (result.contactExternalId) {
    // The new id may already belong to another identity of this inbox (the customer wrote from it): keep both, say so.
    await db().contactIdentity.update({ where: { id: conversation.identityId }, data: { externalId: result.contactExternalId } })
      .catch((err) => logger.warn({ err, identityId: conversation.identityId, to: result.contactExternalId }, 'could not move the customer to their new id'));
  }
  if (result.reference) await db().conversation.update({ where: { id: conversation.id }, data: { reference: result.reference as Prisma.InputJsonObject } });
}

async function fail(messageId: string, code: string, reason: string) {
  await db().message.update({ where: { id: messageId }, data: { status: 'failed', errorCode: code, errorText: reason } });
}
