-- Inbound dead letters and raw-body retention.
ALTER TABLE "InboundEvent" ALTER COLUMN "rawBody" DROP NOT NULL;
ALTER TABLE "InboundEvent" ADD COLUMN "failedAt" TIMESTAMP(3);
ALTER TABLE "InboundEvent" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;

-- Only dead letters are indexed: the index stays tiny and inserts on the ingest path pay nothing.
CREATE INDEX "InboundEvent_failedAt_id_idx" ON "InboundEvent"("failedAt", "id") WHERE "failedAt" IS NOT NULL;

-- Delivery retries: the retry horizon counts from the first transient failure.
ALTER TABLE "Message" ADD COLUMN "retryingSince" TIMESTAMP(3);

-- The worker's sweep for replies left queued or sending without a live job: only those rows are indexed.
CREATE INDEX "Message_status_updatedAt_idx" ON "Message"("status", "updatedAt") WHERE "status" IN ('queued', 'sending');
