-- No query reads log lines by (runId, stage): every read is by (runId, seq), the primary key.
-- The index cost ~15% of the live log writer's SQLite time (bench/README.md).
DROP INDEX "LogLine_runId_stage_idx";
