import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app';
import type { Config } from './config';
import { resolveEngine } from './db/engine';
import { publishEngine, unpublishEngine } from './db/open';
import { bootstrapAdmin } from './modules/users/service';
import { connect, createServices, type Services } from './services';

export interface RunningService {
  url: string;
  services: Services;
  engine: { name: string; uri: string };
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
  const conn = await connect(engine.uri, config.MONGODB_DB);
  const info = await conn.db!.admin().command({ buildInfo: 1 });
  log.info({ engine: engine.name, version: info.ferretdbVersion ?? info.version, mongodbCompatible: info.version }, 'database engine');
  await publishEngine(config, engine);
  const services = await createServices(conn, config, log, { persistKeys: true });
  await bootstrapAdmin(services);
  const server = createApp(services).listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  log.info({ port, host: config.HOST }, 'listening');

  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    engine: { name: engine.name, uri: engine.uri },
    stop() {
      stopped ??= (async () => {
        log.info('shutting down: no new connections, finishing requests in flight');
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await services.journal.flush();
        await conn.close();
        await unpublishEngine(config);
        await engine.stop();
        log.info('stopped');
      })();
      return stopped;
    },
  };
}
