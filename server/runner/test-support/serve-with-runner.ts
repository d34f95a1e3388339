/**
 * Dev/test helper until server/start-server.ts calls the runner hooks itself:
 * `tsx server/runner/test-support/serve-with-runner.ts` = startServer() + attachRunSockets(io) + startRunner().
 */
import { getIo } from '../../realtime/io';
import { startServer } from '../../start-server';
import { attachRunSockets, startRunner } from '../index';

async function main(): Promise<void> {
  const server = await startServer({ dev: process.env.NODE_ENV !== 'production' });
  const io = getIo();
  if (io) attachRunSockets(io);
  await startRunner();
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
