-- Host keys belong to the endpoint (address:port), not to the inventory name (issue 11 item 4).
-- Rows already store the endpoint in "address"; where two names shared one endpoint, keep the
-- trusted row, then the newest.
DELETE FROM "HostKey" WHERE "id" IN (
  SELECT a."id" FROM "HostKey" a JOIN "HostKey" b
    ON a."installId" = b."installId" AND a."address" = b."address" AND a."id" <> b."id"
  WHERE b."trusted" > a."trusted"
     OR (b."trusted" = a."trusted" AND (b."firstSeen" > a."firstSeen" OR (b."firstSeen" = a."firstSeen" AND b."id" > a."id")))
);

-- DropIndex
DROP INDEX "HostKey_installId_host_key";

-- CreateIndex
CREATE UNIQUE INDEX "HostKey_installId_address_key" ON "HostKey"("installId", "address");
