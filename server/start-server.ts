/**
 * The one custom server: validated env -> migrations (database files made 0600) -> admin / setup
 * token -> Next -> HTTP server with socket.io on the same port (preflight and runner socket handlers
 * attached to it; the runner reconciles before the port opens). Every request passes the front door
 * first (server/http/front-door.ts: client address and https stamps, security headers, methods,
 * Host allow-list, body size); the wizard's origins are registered once the port is known.
 * `close()` stops io, HTTP and Prisma.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import next from 'next';
import { formatSetupBanner, initAuth } from './auth/init-auth';
import { configureSqlite, disconnectDb } from './db';
import { runMigrations } from './run-migrations';
import { loadEnv } from './env';
import { createFrontDoor } from './http/front-door';
import { registerOriginsWhenListening } from './http/wizard-origins';
import { protectDatabaseFiles } from './protect-database-files';
import { attachPreflightRealtime } from './preflight/realtime';
import { reconcilePreflightRuns } from './preflight/run-preflight';
import { attachIo, closeIo } from './realtime/io';
import { attachRunSockets, startRunner } from './runner';

export interface StartOptions {
  port?: number;
  host?: string;
  dev?: boolean;
  /** Project root (where .next and node_modules live). */
  dir?: string;
  log?: (line: string) => void;
  /** Next's bundler in development: webpack instead of Turbopack (the black-box tests use it). */
  webpack?: boolean;
}

export interface RunningServer {
  url: string;
  httpServer: HttpServer;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = loadEnv();
  const log = options.log ?? ((line: string) => console.log(line));
  const port = options.port ?? env.port;
  const host = options.host ?? env.host;
  const dir = options.dir ?? process.cwd();
  const dev = options.dev ?? env.nodeEnv !== 'production';

  await runMigrations(dir);
  protectDatabaseFiles();
  await configureSqlite();
  protectDatabaseFiles();
  const auth = await initAuth(env);
  const orphanedPreflights = await reconcilePreflightRuns();
  if (orphanedPreflights > 0) log(`> ${orphanedPreflights} preflight run(s) cut off by the last shutdown were closed`);

  const app = next({ dev, hostname: host, port, dir, webpack: options.webpack });
  const handle = app.getRequestHandler();
  await app.prepare();

  const frontDoor = createFrontDoor({ trustedProxies: env.trustedProxies, dev });
  const httpServer = createServer((req, res) => {
    if (frontDoor(req, res)) return;
    handle(req, res).catch((err: unknown) => {
      console.error('[http] request failed:', err instanceof Error ? err.message : String(err));
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  registerOriginsWhenListening(httpServer);
  const io = attachIo(httpServer);
  attachPreflightRealtime(io);
  attachRunSockets(io);
  // re-attach stages a previous process left running, finish or mark interrupted the dead ones
  await startRunner();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${actualPort}`;
  if (auth.kind === 'setup-token') log(formatSetupBanner(url, auth.token));
  if (auth.kind === 'admin-from-env') log('> admin account created from KSW_ADMIN_PASSWORD');
  log(`> ks-wizard ready on ${url}`);

  return {
    url,
    httpServer,
    async close() {
      await closeIo();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await app.close?.();
      await disconnectDb();
    },
  };
}
