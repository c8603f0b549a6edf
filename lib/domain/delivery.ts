/**
 * Sends one queued reply through its connector. State: queued → sending (recorded before the
 * call) → sent with the provider id, or failed with a code and a reason an agent understands.
 * Every way a delivery can end leaves a visible state and lets the conversation's later replies go:
 * - provider refuses (closed window, blocked user, bad token): failed at once, with its reason;
 * - transient provider errors: retried with growing back-off (Retry-After honoured up to an
 *   hour) for OUTBOUND_RETRY_HOURS, then failed (lib/domain/retry-schedule.ts);
 * - the request timed out or the connection dropped after it was written: failed with code
 *   `uncertain` ("may have been sent"), never silently sent twice (no provider has idempotency keys);
 * - unreadable credentials or settings: failed at once, saying what to fix;
 * - database errors: retried on the same schedule (handleDeliveryCrash);
 * - a database error after the provider accepted the reply never makes it `failed`: the recording
 *   is retried, and a later run of the job records the provider id it remembers.
 */
import { ConnectorError, type OutboundMessage, type SendResult } from '@/lib/channels/types';
import { db, type Prisma } from '@/lib/db';
import { enqueue } from '@/lib/jobs/boss';
import { QUEUES } from '@/lib/jobs/contracts';
import { runtimeEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { countDelivery } from '@/lib/metrics/metrics';
import { publish } from '@/lib/realtime/publish';
import { connectorFor, inboxConfig } from './inboxes';
import { untrustedFetch } from '@/lib/net';
import { errorText } from './error-text';
import { applyPendingReceipts } from './pending-receipts';
import { describeDuration, nextRetry } from './retry-schedule';
import { watchSends } from './send-uncertainty';
import { postgresCache } from './shared-cache';
import { sentSinceInbound } from './window-usage';

/** What the job should do next: `retry` is run again after `delaySeconds`, holding back later replies. */
export type DeliveryOutcome = { kind: 'sent' | 'failed' | 'skipped' } | { kind: 'retry'; delaySeconds: number; reason: string };

export const UNCERTAIN_REASON = 'The provider did not answer in time; the message may have been sent. Check with the customer before retrying.';
const WORKER_STOPPED_REASON = 'The worker stopped during the send; the message may have been sent. Check with the customer before retrying.';
const CREDENTIALS_REASON = "This channel's stored credentials cannot be decrypted: APP_SECRET is not the one they were saved with. Restore the original APP_SECRET (or DATA_DIR/secrets.json), or enter the channel's credentials again.";

const MAX_INLINE_WAIT_S = 30;
const MAX_INLINE_RETRIES = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Provider ids of sends whose recording failed (database error), kept for the job's next run in
 * this process. Bounded: entries are removed when recorded, and only a database outage adds them.
 */
const unrecordedSends = new Map<string, SendResult>();

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;
const load = (messageId: string) => db().message.findUnique({ where: { id: messageId }, include: { conversation: { include: { identity: true, inbox: true } } } });

/** Announces each state a delivery reaches to agents, and counts it (sent, failed, queued again = retried). */
function emitter(message: Loaded) {
  return (status: string, error: { code: string | null; message: string } | null) => {
    countDelivery(message.conversation.inbox.channel, status, message.createdAt);
    return publish('message.updated', { messageId: message.id, conversationId: message.conversationId, inboxId: message.inboxId, status, error });
  };
}

/**
 * `queuedAt`: when this delivery's job was created. The retry horizon counts from it as well, so
 * replies that waited behind a failing one (same conversation, in order) do not each start a new
 * 24 hours of retries against a provider that has been down all along.
 */
export async function deliverMessage(messageId: string, queuedAt?: Date): Promise<DeliveryOutcome> {
  const message = await load(messageId);
  if (!message || message.direction !== 'outbound' || message.kind === 'note') return { kind: 'skipped' };
  const { conversation } = message;
  const inbox = conversation.inbox;
  const emit = emitter(message);

  if (message.status === 'sending') {
    const remembered = unrecordedSends.get(messageId);
    if (remembered) {
      await recordSendDurably(messageId, conversation, remembered);
      emit('sent', null);
      await applyPendingReceipts(db(), { inboxId: inbox.id, externalId: remembered.externalId, messageId }); // receipts that overtook this send
      return { kind: 'sent' };
    }
    await fail(message, 'uncertain', WORKER_STOPPED_REASON);
    return { kind: 'failed' };
  }
  if (message.status !== 'queued') return { kind: 'skipped' };

  const connector = connectorFor(inbox.channel);
  let stored: Record<string, unknown>;
  try {
    stored = inboxConfig(inbox);
  } catch {
    await fail(message, 'credentials', CREDENTIALS_REASON);
    return { kind: 'failed' };
  }
  const parsed = connector.configSchema.safeParse(stored);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ');
    await fail(message, 'config', `This channel's settings are not valid (${problems}). An admin must fix them (Admin › Inboxes), then retry the reply.`);
    return { kind: 'failed' };
  }
  const config = parsed.data;
  // Counted once per delivery, not per attempt: retries do not change what was sent before.
  const alreadySent = await sentSinceInbound(conversation.id, conversation.lastInboundAt, message.id);
  for (let inline = 0; ; inline++) {
    const claimed = await db().message.updateMany({ where: { id: messageId, status: 'queued' }, data: { status: 'sending', attempts: { increment: 1 } } });
    if (claimed.count === 0) return { kind: 'skipped' };
    emit('sending', null);
    const attempts = message.attempts + 1;
    const watched = watchSends(fetch, untrustedFetch());
    const sendStartedAt = new Date();
    let result: SendResult;
    try {
      result = await connector.send(
        { config, contactExternalId: conversation.identity.externalId, reference: conversation.reference as Record<string, unknown> | null, lastInboundAt: conversation.lastInboundAt, now: new Date(), fetch: watched.fetch, fetchUntrusted: watched.fetchUntrusted, cache: postgresCache },
        { ...(message.template ? { template: message.template as unknown as OutboundMessage['template'] } : { text: message.text ?? undefined, attachments: message.attachments as unknown as OutboundMessage['attachments'] }), metadata: message.id, replyToExternalId: message.replyToExternalId ?? undefined, sentSinceInbound: alreadySent },
      );
    } catch (err) {
      const e = err instanceof ConnectorError ? err : new ConnectorError('provider', `Unexpected error while sending: ${(err as Error).message}`, { retryable: false });
      logger.warn({ messageId, kind: e.kind, code: e.code, retryable: e.retryable, attempts, uncertain: watched.uncertain() }, 'delivery failed');
      if (e.retryable && watched.uncertain()) {
        await fail(message, 'uncertain', UNCERTAIN_REASON);
        return { kind: 'failed' };
      }
      if (!e.retryable) {
        await fail(message, e.code ?? e.kind, e.message);
        if (e.kind === 'invalid_recipient') await db().contactIdentity.update({ where: { id: conversation.identityId }, data: { unreachable: true } });
        return { kind: 'failed' };
      }
      message.attempts = attempts;
      const next = await planRetry(message, e.code ?? e.kind, e.message, e.retryAfterSeconds, queuedAt);
      if (next.kind !== 'retry') return next;
      if (e.retryAfterSeconds !== undefined && e.retryAfterSeconds <= MAX_INLINE_WAIT_S && inline < MAX_INLINE_RETRIES) {
        await sleep(e.retryAfterSeconds * 1000); // honour a short Retry-After exactly, then try again
        continue;
      }
      return next;
    }
    await recordSendDurably(messageId, conversation, result, sendStartedAt);
    emit('sent', null);
    await applyPendingReceipts(db(), { inboxId: inbox.id, externalId: result.externalId, messageId }); // receipts that overtook this send
    return { kind: 'sent' };
  }
}

/**
 * A transient failure: back to `queued` with the reason shown, and when to try again — or, past
 * the retry horizon, a visible failure (also put on the dead-letter queue).
 */
async function planRetry(message: Loaded, code: string, why: string, retryAfterSeconds?: number, queuedAt?: Date): Promise<DeliveryOutcome> {
  const env = runtimeEnv();
  const [row] = await db().$queryRaw<{ retryingSince: Date }[]>`UPDATE "Message" SET "retryingSince" = COALESCE("retryingSince", now()), "updatedAt" = now()
    WHERE "id" = ${message.id}::uuid RETURNING "retryingSince"`;
  const since = row?.retryingSince ?? new Date();
  const failingSince = queuedAt && queuedAt < since ? queuedAt : since;
  const decision = nextRetry({ failingSince, now: new Date(), retryAfterSeconds, baseSeconds: env.OUTBOUND_RETRY_BASE_SECONDS, horizonHours: env.OUTBOUND_RETRY_HOURS });
  if (!decision.retry) {
    const tries = message.attempts > 0 ? `${message.attempts} attempts over ` : '';
    const reason = `${why} (gave up after ${tries}${describeDuration(decision.failedForSeconds)})`;
    await fail(message, code, reason);
    await enqueue(QUEUES.outboundDead, { messageId: message.id, reason });
    return { kind: 'failed' };
  }
  const text = `Retrying: ${why}`;
  await db().message.updateMany({ where: { id: message.id, status: { in: ['queued', 'sending'] } }, data: { status: 'queued', errorCode: code, errorText: text } });
  emitter(message)('queued', { code, message: text });
  return { kind: 'retry', delaySeconds: decision.delaySeconds, reason: why };
}

/**
 * The job itself threw (database error, a bug): retried on the same schedule as a transient
 * provider error, then failed with a reason. A reply caught mid-send is left to the next run,
 * which records its remembered provider id or marks it "may have been sent".
 */
export async function handleDeliveryCrash(messageId: string, err: unknown, queuedAt?: Date): Promise<DeliveryOutcome> {
  logger.error({ err, messageId }, 'delivery job failed');
  const message = await load(messageId);
  if (!message || message.direction !== 'outbound' || !['queued', 'sending'].includes(message.status ?? '')) return { kind: 'skipped' };
  const why = `An internal error stopped the delivery (${errorText(err, 300)})`;
  if (message.status === 'sending') return { kind: 'retry', delaySeconds: runtimeEnv().OUTBOUND_RETRY_BASE_SECONDS, reason: why };
  return planRetry(message, 'internal', why, undefined, queuedAt);
}

/** Record the send: the one place a reply becomes `sent`, with the provider's id. */
/**
 * `sentAt` is when the request started: a watermark receipt ("read up to T", Messenger) may be
 * stamped before our response arrives, and must still cover this reply.
 */
async function recordSend(messageId: string, conversation: { id: string; identityId: string }, result: SendResult, sentAt: Date): Promise<void> {
  await applySendResult(conversation, result);
  // A receipt may have raced ahead of this response; never move the status backwards.
  await db().$executeRaw`UPDATE "Message" SET "status" = CASE WHEN "status" < 'sent' THEN 'sent'::"MessageStatus" ELSE "status" END,
    "externalId" = COALESCE("externalId", ${result.externalId}), "sentAt" = COALESCE("sentAt", ${sentAt}), "errorCode" = NULL, "errorText" = NULL, "retryingSince" = NULL, "updatedAt" = now()
    WHERE "id" = ${messageId}::uuid`;
}

const RECORD_WAITS_MS = [200, 1000, 3000];

/** The provider accepted the reply: recording it is retried, and remembered for the job's next run if the database stays down. */
async function recordSendDurably(messageId: string, conversation: { id: string; identityId: string }, result: SendResult, sentAt = new Date()): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await recordSend(messageId, conversation, result, sentAt);
      unrecordedSends.delete(messageId);
      return;
    } catch (err) {
      if (i >= RECORD_WAITS_MS.length) {
        unrecordedSends.set(messageId, result);
        throw err;
      }
      logger.warn({ err, messageId }, 'could not record a send the provider accepted; retrying');
      await sleep(RECORD_WAITS_MS[i]);
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

async function fail(message: Loaded, code: string, reason: string): Promise<void> {
  await db().message.updateMany({ where: { id: message.id, status: { in: ['queued', 'sending'] } }, data: { status: 'failed', errorCode: code, errorText: reason, retryingSince: null } });
  emitter(message)('failed', { code, message: reason });
}
