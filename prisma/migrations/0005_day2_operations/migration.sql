-- AlterTable
ALTER TABLE "Node" ADD COLUMN "joinedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "installId" TEXT NOT NULL,
    "parentRunId" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'full',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "hostsJson" TEXT,
    "extraVars" TEXT,
    "errorKind" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "operation" TEXT NOT NULL DEFAULT 'install',
    "targetsJson" TEXT,
    CONSTRAINT "Run_installId_fkey" FOREIGN KEY ("installId") REFERENCES "Install" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Run_parentRunId_fkey" FOREIGN KEY ("parentRunId") REFERENCES "Run" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Run" ("createdAt", "error", "errorKind", "extraVars", "finishedAt", "hostsJson", "id", "installId", "mode", "parentRunId", "startedAt", "status") SELECT "createdAt", "error", "errorKind", "extraVars", "finishedAt", "hostsJson", "id", "installId", "mode", "parentRunId", "startedAt", "status" FROM "Run";
DROP TABLE "Run";
ALTER TABLE "new_Run" RENAME TO "Run";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill: the ready nodes of installed installs joined their cluster (day-2 operations need members)
UPDATE "Node" SET "joinedAt" = "updatedAt" WHERE "state" = 'ready' AND "installId" IN (SELECT "id" FROM "Install" WHERE "status" = 'installed');
