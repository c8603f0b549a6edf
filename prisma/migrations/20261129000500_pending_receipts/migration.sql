-- CreateTable
CREATE TABLE "PendingReceipt" (
    "id" UUID NOT NULL,
    "inboxId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "errorCode" TEXT,
    "errorText" TEXT,
    "contactExternalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PendingReceipt_inboxId_externalId_status_key" ON "PendingReceipt"("inboxId", "externalId", "status");

-- CreateIndex
CREATE INDEX "PendingReceipt_expiresAt_idx" ON "PendingReceipt"("expiresAt");

-- AddForeignKey
ALTER TABLE "PendingReceipt" ADD CONSTRAINT "PendingReceipt_inboxId_fkey" FOREIGN KEY ("inboxId") REFERENCES "Inbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;
