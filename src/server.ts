import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './http/logging';
import { startService } from './lifecycle';

/** Process entry: config, service, graceful shutdown on SIGTERM and SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  const log = createLogger(config.LOG_LEVEL);
  const service = await startService(config, log);
  const shutdown = (signal: string) => {
    log.info({ signal }, 'signal received');
    const force = setTimeout(() => {
      log.error('requests still running after 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    service.stop().then(
      () => process.exit(0),
      (err: Error) => {
        log.error({ errorName: err.name }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: Error) => {
  process.stderr.write(`Start-up failed: ${err.message}\n`);
  process.exit(1);
});
