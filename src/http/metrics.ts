import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What a scrape reads from the registry (kept apart so this module imports no service). */
export interface MetricSources {
  /** The newest journal entry's seq as recorded, and the seq this process has applied. */
  journal(): Promise<{ head: number; applied: number }>;
  /** Whether the database answers a ping, within a second. */
  engineUp(): Promise<boolean>;
  pendingIdempotencyKeys(): Promise<number>;
  /** Restarts of the supervised engine after it died (0 for an engine run elsewhere). */
  engineRestarts(): number;
}

/**
 * Prometheus metrics, for the monitoring a ministry already runs. Labels hold route patterns,
 * methods and statuses only: never a NIN, a name or a token. One registry per service instance.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['route', 'method', 'status'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route pattern and method',
    labelNames: ['route', 'method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly loginFailures = new Counter({
    name: 'login_failures_total',
    help: 'Failed sign-ins and activations',
    registers: [this.registry],
  });
  /** Identity verifications by sectoral client (a batch counts each item). */
  readonly identityVerifications = new Counter({
    name: 'identity_verifications_total',
    help: 'Identity verifications answered, by client',
    labelNames: ['client'],
    registers: [this.registry],
  });
  readonly loginLocks = new Counter({
    name: 'login_locks_total',
    help: 'Accounts or addresses locked after repeated failures',
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry });
    const registry = this.registry;
    // Both journal gauges collect at once in a scrape: they share one read of the head.
    let reading: ReturnType<MetricSources['journal']> | undefined;
    const journal = () => (reading ??= sources.journal().finally(() => (reading = undefined)));
    new Gauge({
      name: 'journal_head_seq',
      help: 'Seq of the newest journal entry',
      registers: [registry],
      async collect() {
        this.set((await journal()).head);
      },
    });
    new Gauge({
      name: 'projection_lag_entries',
      help: 'Journal entries not yet applied by this process (head minus applied)',
      registers: [registry],
      async collect() {
        const { head, applied } = await journal();
        this.set(Math.max(0, head - applied));
      },
    });
    new Gauge({
      name: 'engine_up',
      help: '1 when the database answers, else 0',
      registers: [registry],
      async collect() {
        this.set((await sources.engineUp()) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'engine_restarts',
      help: 'Restarts of the embedded database engine after it died, since the service started',
      registers: [registry],
      collect() {
        this.set(sources.engineRestarts());
      },
    });
    new Gauge({
      name: 'idempotency_keys_pending',
      help: 'Idempotency-Keys whose first request has not answered yet',
      registers: [registry],
      async collect() {
        this.set(await sources.pendingIdempotencyKeys().catch(() => 0));
      },
    });
  }

  /** Counts and times every request by its route pattern (the URL itself may hold a NIN). */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const stop = this.duration.startTimer();
      res.on('finish', () => {
        const matched = req.route as { path?: string } | undefined;
        const route = matched?.path ? `${req.baseUrl}${matched.path}` : 'unmatched';
        stop({ route, method: req.method });
        this.requests.inc({ route, method: req.method, status: String(res.statusCode) });
      });
      next();
    };
  }

  /** GET /metrics: loopback callers, or a caller with the configured bearer token. */
  endpoint(token: string | undefined): RequestHandler {
    return (req, res, next) => {
      // req.ip: behind a reverse proxy on loopback, the caller it forwards for, not the proxy.
      const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.ip ?? '');
      const given = Buffer.from(req.get('Authorization') ?? '');
      const expected = Buffer.from(`Bearer ${token ?? ''}`);
      const authorised = token !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
      if (!loopback && !authorised) {
        res.status(403).type('application/problem+json').send({
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          detail: 'Metrics are for loopback callers or holders of the metrics token',
        });
        return;
      }
      this.registry.metrics().then((text) => res.type(this.registry.contentType).send(text), next);
    };
  }
}
