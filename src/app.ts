import express from 'express';
import helmet from 'helmet';
import swaggerUi from 'swagger-ui-express';
import { serveConsole } from './http/console';
import { errorHandler, unknownRoute } from './http/errors';
import { requestLog } from './http/logging';
import { mountRoutes } from './http/mount';
import { openApiDocument, openApiYaml } from './openapi/document';
import { API_ROUTES } from './routes';
import { answersWithin } from './db/connection';
import type { Services } from './services';

declare module 'http' {
  interface IncomingMessage {
    id?: string;
  }
}

/** Builds the express app (no listening, so tests can drive it with supertest). */
export function createApp(services: Services): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple'); // flat strings only: no nested objects to smuggle operators in
  app.use(requestLog(services.log));
  app.use(services.metrics.middleware());
  // helmet's defaults; without upgrade-insecure-requests, which would break /docs on plain-HTTP
  // development servers (production terminates TLS in front and gets HSTS from helmet).
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // OAuth2 clients send the token request form-encoded (RFC 6749 4.4.2); nothing else takes forms.
  app.use(
    '/v1/auth/token',
    express.urlencoded({ extended: false, limit: services.config.BODY_LIMIT, parameterLimit: 20 }),
  );
  app.use(
    express.json({ limit: services.config.BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'] }),
  );

  const routes = API_ROUTES;
  const yaml = openApiYaml(routes);
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'up' });
  });
  app.get('/health/ready', async (_req, res) => {
    if (services.engineHealth?.up !== false && (await answersWithin(services.db, 2000))) {
      res.json({ status: 'ready' });
    } else {
      res.status(503).type('application/problem+json').send({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'The database does not answer',
      });
    }
  });
  app.get('/metrics', services.metrics.endpoint(services.config.METRICS_TOKEN));
  // The office console at / (web/): before the engine check, so that its page loads and can say
  // the service is restarting; it passes every path the service answers on.
  app.use(serveConsole());
  app.use(whileEngineDown(services));
  app.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(yaml);
  });
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(openApiDocument(routes)));
  app.use(mountRoutes(services, routes));
  app.use(unknownRoute);
  app.use(errorHandler(services.log));
  return app;
}

/**
 * While the embedded engine is down (it is being restarted), answer at once with 503 and
 * Retry-After instead of letting requests wait for a database that is not there.
 */
function whileEngineDown(services: Services): express.RequestHandler {
  return (_req, res, next) => {
    if (services.engineHealth?.up !== false) {
      next();
      return;
    }
    res.status(503).set('Retry-After', '5').type('application/problem+json').send({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The database is restarting; try again in a few seconds',
    });
  };
}
