import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { createApp } from './app';
import type { Config } from './config';
import { resolveEngine } from './db/engine';
import { publishEngine, unpublishEngine } from './db/open';
import { schedulePruning } from './maintenance/retention';
import { scheduleHeadSigning } from './journal/signed-heads';
import { bootstrapAdmin } from './modules/users/commands';
import { connect } from './db/connection';
import { createServices, type Services } from './services';
import { dispatcherOptions, WebhookDispatcher } from './modules/subscriptions/dispatcher';

export interface RunningService {
  url: string;
  services: Services;
  engine: { name: string; uri: string };
  server: Server;
  /** Stops accepting, finishes requests in flight, closes the database and the embedded engine. */
  stop(): Promise<void>;
}

/**
 * Requests Node refuses before express sees them (a URL or headers past 16 kB, a malformed
 * request line) get a problem+json answer too, not Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return;
    const [status, title, detail] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'The URL or the headers are too large (16 kB at most)']
        : [400, 'Bad Request', 'The request is not valid HTTP'];
    const body = JSON.stringify({ type: 'about:blank', title, status, detail });
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
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
  let stopSigning = async () => {};
  let dispatcher: WebhookDispatcher | undefined;
  try {
    conn = await connect(engine.uri, config.MONGODB_DB);
    const info = await conn.db!.admin().command({ buildInfo: 1 });
    log.info(
      { engine: engine.name, version: info.ferretdbVersion ?? info.version, mongodbCompatible: info.version },
      'database engine',
    );
    await publishEngine(config, engine);
    services = await createServices(conn, config, log, { persistKeys: true });
    if (engine.health) services.engineHealth = engine.health;
    await bootstrapAdmin(services);
    stopPruning = schedulePruning(services);
    stopSigning = scheduleHeadSigning(services.journal, config.JOURNAL_SIGN_EVERY_SECONDS, log);
    dispatcher = new WebhookDispatcher(services, dispatcherOptions(config));
    dispatcher.start();
    server = createApp(services).listen(config.PORT, config.HOST);
    answerClientErrors(server);
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  } catch (err) {
    // A failed start leaves nothing running behind it.
    stopPruning();
    await stopSigning().catch(() => undefined);
    await dispatcher?.stop();
    await conn?.close().catch(() => undefined);
    await unpublishEngine(config);
    await engine.stop();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  log.info({ port, host: config.HOST }, 'listening');
  if (config.PUBLIC_BASE_URL_FROM_PORT) {
    // Links in certificates must name a port that answers (PORT=0 picks one only now).
    config.PUBLIC_BASE_URL = `http://localhost:${port}`;
    if (!['development', 'test'].includes(process.env.NODE_ENV ?? '')) {
      log.warn(
        `PUBLIC_BASE_URL is not set: certificates, QR codes and verification links name ${config.PUBLIC_BASE_URL}, which only this machine reaches; set it to the address the public uses`,
      );
    }
  }
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
        await dispatcher?.stop();
        await stopSigning();
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
