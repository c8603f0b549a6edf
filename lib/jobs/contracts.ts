/**
 * Typed job contracts shared by producers (web) and the worker. Queue options live here too so
 * both sides create queues the same way.
 */
import type { Queue } from 'pg-boss';

export const QUEUES = {
  inboundProcess: 'inbound.process',
  outboundDeliver: 'outbound.deliver',
  outboundDead: 'outbound.dead',
  contactProfile: 'contact.profile',
} as const;

/** Former inbound job (queue kept for old installs; nothing sends it any more). */
export interface InboundProcessJob { eventIds: string[] }
export interface OutboundDeliverJob { messageId: string; conversationId: string }
export interface OutboundDeadJob { messageId: string; reason: string }
/** Look a new customer's name up at the provider, off the ingest path. */
export interface ContactProfileJob { inboxId: string; externalId: string }

export interface JobPayloads {
  'inbound.process': InboundProcessJob;
  'outbound.deliver': OutboundDeliverJob;
  'outbound.dead': OutboundDeadJob;
  'contact.profile': ContactProfileJob;
}

/**
 * pg-boss's own retry limit for deliveries. The real give-up rule is the delivery's retry horizon
 * (lib/domain/retry-schedule.ts): the handler never lets a job fail for good, because a failed
 * job of a key_strict_fifo queue holds back every later reply of its conversation.
 */
export const OUTBOUND_JOB_RETRY_LIMIT = 1000;

/**
 * A job whose worker lost the database mid-job (a PostgreSQL restart) cannot record its failure and
 * would stay `active` until pg-boss's 15-minute expiry. With a heartbeat, a job whose worker stopped
 * beating for this long is retried within seconds instead (found by the PostgreSQL-restart fault test).
 */
const HEARTBEAT_SECONDS = 10;

/** Queue options; inbound retries come from the settings so a test can make a poison event dead quickly. */
export function queueDefinitions(settings: { INBOUND_MAX_ATTEMPTS: number; INBOUND_RETRY_DELAY_SECONDS: number }): Queue[] {
  return [
    // No longer used: the worker claims inbound events from their table (lib/jobs/inbound-claimer.ts).
    // Kept so installs that have it keep a consistent queue; the housekeeping removes old jobs.
    { name: QUEUES.inboundProcess, notify: true, heartbeatSeconds: HEARTBEAT_SECONDS, retryLimit: settings.INBOUND_MAX_ATTEMPTS - 1, retryDelay: settings.INBOUND_RETRY_DELAY_SECONDS, retryBackoff: true, retryDelayMax: 300 },
    // One conversation's replies leave in order: FIFO per singletonKey (= conversation id).
    // Each retry's delay is set on the job by the handler (Retry-After, growing back-off).
    { name: QUEUES.outboundDeliver, notify: true, heartbeatSeconds: HEARTBEAT_SECONDS, policy: 'key_strict_fifo', retryLimit: OUTBOUND_JOB_RETRY_LIMIT, retryDelay: 2, retryBackoff: true, retryDelayMax: 3600 },
    { name: QUEUES.outboundDead, retentionSeconds: 30 * 24 * 3600 },
    // Best effort: a name lookup that fails is not worth retrying for long.
    { name: QUEUES.contactProfile, notify: true, retryLimit: 2, retryDelay: 30 },
  ];
}

/** A worker that has not checked in for this long is considered gone (it beats every 5 s). */
export const HEARTBEAT_STALE_MS = 30_000;
