import { FEED_TYPES } from './events';
import type { AnyRoute } from './http/route';
import type { Services } from './services';
import { DECLARATION_ROUTES, RECORD_SCHEMAS, VITAL_TABLES } from './record-kinds';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { certificateRoutes } from './modules/certificates/routes';
import { citizenRoutes } from './modules/citizens/routes';
import { feedRoutes } from './modules/feed/routes';
import { notificationRoutes } from './modules/notifications/routes';
import { subscriptionRoutes } from './modules/subscriptions/routes';
import { statisticsRoutes } from './modules/statistics/routes';
import { clientRoutes } from './modules/clients/routes';
import { identityRoutes } from './modules/identity/routes';
import { importRoutes } from './modules/imports/routes';
import { officeRoutes } from './modules/offices/routes';
import { personRoutes } from './modules/persons/routes';
import { recordRoutes } from './modules/records/routes';
import { userRoutes } from './modules/users/routes';
import { workQueueRoutes } from './modules/workqueues/routes';
import { documentRoutes } from './modules/documents/routes';
import { consentRoutes } from './modules/consents/routes';

/**
 * Every API route of the service: static declarations, each needing the parts its module names
 * (its `RouteDeps`); the composition root's `Services` must provide them all, or this does not compile.
 */
export const API_ROUTES: readonly AnyRoute<Services>[] = [
  ...authRoutes,
  ...userRoutes,
  ...clientRoutes,
  ...officeRoutes,
  ...personRoutes,
  ...importRoutes,
  ...citizenRoutes(RECORD_SCHEMAS),
  ...consentRoutes,
  ...DECLARATION_ROUTES,
  ...recordRoutes(RECORD_SCHEMAS),
  ...workQueueRoutes,
  ...documentRoutes,
  ...auditRoutes,
  ...statisticsRoutes(VITAL_TABLES),
  ...certificateRoutes(RECORD_SCHEMAS),
  ...identityRoutes,
  ...feedRoutes(FEED_TYPES),
  ...notificationRoutes,
  ...subscriptionRoutes(FEED_TYPES),
];
