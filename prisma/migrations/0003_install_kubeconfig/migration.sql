-- AlterTable
ALTER TABLE "Install" ADD COLUMN "kubeconfigAt" DATETIME;
ALTER TABLE "Install" ADD COLUMN "kubeconfigEnc" TEXT;
ALTER TABLE "Install" ADD COLUMN "kubeconfigFrom" TEXT;

