import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { createApp } from './app';
import { resolveEngine } from './db/engine';
import { publishEngine, unpublishEngine } from './db/open';
import { createLogger } from './http/logging';
import { bootstrapAdmin } from './modules/users/service';
import { connect, createServices } from './services';

/** Process entry: config, database, listen, graceful shutdown. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  const engine = await resolveEngine({
    mongodbUri: config.MONGODB_URI,
    engine: config.DB_ENGINE,
    cacheDir: config.ENGINE_CACHE_DIR,
    dataDir: config.DATA_DIR,
    log: (message) => log.info(message),
  });
  log.info({ engine: engine.name, version: engine.version }, 'database engine');
  const conn = await connect(engine.uri, config.MONGODB_DB);
  await publishEngine(config, engine);
  const services = await createServices(conn, config, log, { persistKeys: true });
  await bootstrapAdmin(services);
  const app = createApp(services);
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    log.info({ port: config.PORT, host: config.HOST }, 'listening');
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const force = setTimeout(() => { log.error('requests still running after 15 s; exiting'); process.exit(1); }, 15_000);
    force.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await services.journal.flush();
    await conn.close();
    await unpublishEngine(config);
    await engine.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: Error) => {
  process.stderr.write(`Start-up failed: ${err.message}\n`);
  process.exit(1);
});
