import type { AnyRoute } from './http/route';
import { RECORD_SCHEMAS, VITAL_TABLES } from './record-kinds';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { birthRoutes } from './modules/births/routes';
import { certificateRoutes } from './modules/certificates/routes';
import { citizenRoutes } from './modules/citizens/routes';
import { feedRoutes } from './modules/feed/routes';
import { notificationRoutes } from './modules/notifications/routes';
import { subscriptionRoutes } from './modules/subscriptions/routes';
import { deathRoutes } from './modules/deaths/routes';
import { divorceRoutes } from './modules/divorces/routes';
import { marriageRoutes } from './modules/marriages/routes';
import { statisticsRoutes } from './modules/statistics/routes';
import { clientRoutes } from './modules/clients/routes';
import { identityRoutes } from './modules/identity/routes';
import { importRoutes } from './modules/imports/routes';
import { officeRoutes } from './modules/offices/routes';
import { personRoutes } from './modules/persons/routes';
import { recordRoutes } from './modules/records/routes';
import { userRoutes } from './modules/users/routes';

/** Every API route of the service: static declarations; handlers get the services through their context. */
export const API_ROUTES: readonly AnyRoute[] = [
  ...authRoutes,
  ...userRoutes,
  ...clientRoutes,
  ...officeRoutes,
  ...personRoutes,
  ...importRoutes,
  ...citizenRoutes(RECORD_SCHEMAS),
  ...birthRoutes(RECORD_SCHEMAS),
  ...marriageRoutes(RECORD_SCHEMAS),
  ...divorceRoutes(RECORD_SCHEMAS),
  ...deathRoutes(RECORD_SCHEMAS),
  ...recordRoutes(RECORD_SCHEMAS),
  ...auditRoutes,
  ...statisticsRoutes(VITAL_TABLES),
  ...certificateRoutes,
  ...identityRoutes,
  ...feedRoutes,
  ...notificationRoutes,
  ...subscriptionRoutes,
];
