-- AlterTable
ALTER TABLE "Node" ADD COLUMN "joinedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Run" ADD COLUMN "operation" TEXT NOT NULL DEFAULT 'install',
ADD COLUMN "targetsJson" TEXT;

-- Backfill: the ready nodes of installed installs joined their cluster (day-2 operations need members)
UPDATE "Node" SET "joinedAt" = "updatedAt" WHERE "state" = 'ready' AND "installId" IN (SELECT "id" FROM "Install" WHERE "status" = 'installed');
