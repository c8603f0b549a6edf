-- The worker claims inbound events straight from the outbox (no pg-boss job per event).
-- claimedUntil: the lease of the worker processing the event (a crashed worker's events come back
-- once it passes). nextAttemptAt: when a failed event may be tried again (back-off).
ALTER TABLE "InboundEvent" ADD COLUMN "claimedUntil" TIMESTAMP(3);
ALTER TABLE "InboundEvent" ADD COLUMN "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Only events still to process are indexed, in claim order: the index stays as small as the backlog.
CREATE INDEX "InboundEvent_receivedAt_idx" ON "InboundEvent"("receivedAt") WHERE "processedAt" IS NULL AND "failedAt" IS NULL;
