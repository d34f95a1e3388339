-- AlterTable
ALTER TABLE "Install" ADD COLUMN     "kubeconfigAt" TIMESTAMP(3),
ADD COLUMN     "kubeconfigEnc" TEXT,
ADD COLUMN     "kubeconfigFrom" TEXT;
