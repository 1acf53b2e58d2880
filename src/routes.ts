import type { AnyRoute } from './http/route';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { birthRoutes } from './modules/births/routes';
import { citizenRoutes } from './modules/citizens/routes';
import { clientRoutes } from './modules/clients/routes';
import { identityRoutes } from './modules/identity/routes';
import { officeRoutes } from './modules/offices/routes';
import { personRoutes } from './modules/persons/routes';
import { recordRoutes } from './modules/records/routes';
import { userRoutes } from './modules/users/routes';
import type { Services } from './services';

/** Every API route of the service. */
export function apiRoutes(services: Services): AnyRoute[] {
  return [
    ...authRoutes(services),
    ...userRoutes(services),
    ...clientRoutes(services),
    ...officeRoutes(services),
    ...personRoutes(services),
    ...citizenRoutes(services),
    ...birthRoutes(services),
    ...recordRoutes(services),
    ...auditRoutes(services),
    ...identityRoutes(services),
  ];
}
