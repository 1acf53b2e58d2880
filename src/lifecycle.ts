import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { createApp } from './app';
import type { Config } from './config';
import { resolveEngine } from './db/engine';
import { publishEngine, unpublishEngine } from './db/open';
import { schedulePruning } from './maintenance/retention';
import { bootstrapAdmin } from './modules/users/service';
import { connect, createServices, type Services } from './services';

export interface RunningService {
  url: string;
  services: Services;
  engine: { name: string; uri: string };
  server: Server;
  /** Stops accepting, finishes requests in flight, closes the database and the embedded engine. */
  stop(): Promise<void>;
}

/** Starts the whole service: engine, database, indexes and replay, bootstrap admin, HTTP. */
export async function startService(config: Config, log: Logger): Promise<RunningService> {
  const engine = await resolveEngine({
    mongodbUri: config.MONGODB_URI,
    engine: config.DB_ENGINE,
    cacheDir: config.ENGINE_CACHE_DIR,
    dataDir: config.DATA_DIR,
    log: (message) => log.info(message),
  });
  let conn: Connection | undefined;
  let server: Server;
  let services: Services;
  let stopPruning = () => {};
  try {
    conn = await connect(engine.uri, config.MONGODB_DB);
    const info = await conn.db!.admin().command({ buildInfo: 1 });
    log.info({ engine: engine.name, version: info.ferretdbVersion ?? info.version, mongodbCompatible: info.version }, 'database engine');
    await publishEngine(config, engine);
    services = await createServices(conn, config, log, { persistKeys: true });
    await bootstrapAdmin(services);
    stopPruning = schedulePruning(services);
    server = createApp(services).listen(config.PORT, config.HOST);
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  } catch (err) {
    // A failed start leaves nothing running behind it.
    stopPruning();
    await conn?.close().catch(() => undefined);
    await unpublishEngine(config);
    await engine.stop();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  log.info({ port, host: config.HOST }, 'listening');
  const db = conn;

  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    engine: { name: engine.name, uri: engine.uri },
    server,
    stop() {
      stopped ??= (async () => {
        log.info('shutting down: no new connections, finishing requests in flight');
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        stopPruning();
        await services.journal.flush();
        await services.accessLog.flush();
        await db.close();
        await unpublishEngine(config);
        await engine.stop();
        log.info('stopped');
      })();
      return stopped;
    },
  };
}
