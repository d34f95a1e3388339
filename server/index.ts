/**
 * Entry point (`npm run dev` / `npm start` run it under tsx): starts the one custom server and
 * shuts it down cleanly on SIGTERM/SIGINT. A bad environment prints every problem and exits 1.
 */
import { EnvError, loadEnv } from './env';
import { startServer } from './start-server';

async function main(): Promise<void> {
  try {
    loadEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(`ks-wizard cannot start: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const server = await startServer();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`> ${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('shutdown failed:', err instanceof Error ? err.message : String(err));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('ks-wizard failed to start:', err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
