import { forbidden } from '../../http/problem';
import { routesOf } from '../../http/route';
import { z } from '../../http/zod';
import type { Actor } from '../../journal/types';
import { ACCESS_ID_PATTERN, type AccessLog } from '../access-log/access-log';
import type { ProjectionStore } from '../../db/store';
import type { Client } from '../clients/store';
import type { RecordKinds } from '../records/contract';
import type { RecordStore } from '../records/store';
import { errorResponses } from '../common/responses';
import { afterCursor, nin, pageQuery, pageView } from '../common/schemas';
import { presentPerson } from '../persons/presenter';
import { ninParams, personView } from '../persons/schemas';
import { findPerson } from '../persons/commands';
import { presentRecordToCitizen } from '../records/presenter';
import type { RecordSchemas } from '../records/schemas';
import { activateCitizen, issueActivationCode } from './commands';
import { officeNames, type OfficeStore } from '../offices/commands';

/** What these routes use. */
type RouteDeps = Parameters<typeof issueActivationCode>[0] &
  Parameters<typeof activateCitizen>[0] & {
    records: RecordStore;
    kinds: RecordKinds;
    accessLog: Pick<AccessLog, 'readsOf'>;
    clients: ProjectionStore<Client>;
    offices: OfficeStore;
  };
const defineRoute = routesOf<RouteDeps>();

const activationBody = z
  .object({
    nin,
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/, 'is not an activation code (two groups of four, like K7QM-2XPD)'),
    password: z.string().min(1).max(256),
  })
  .strict()
  .openapi('CitizenActivation', {
    example: { nin: '123456789012', code: 'K7QM-2XPD', password: 'Palm grove by the river 1958' },
  });

const codeView = z.object({ code: z.string(), expiresAt: z.string() }).openapi('ActivationCode');
const citizenRecord = z
  .object({ id: z.string(), kind: z.string(), status: z.string(), registrationNumber: z.string().optional() })
  .passthrough()
  .openapi('CitizenRecord');
const accessView = z
  .object({
    at: z.string(),
    actor: z.object({
      id: z.string(),
      role: z.string(),
      office: z.string().optional(),
      /** The office's or centre's name, for staff (Karkh post office service centre). */
      officeName: z.string().optional(),
      /** A sectoral system's name (Ministry of Education), so the citizen knows who checked. */
      name: z.string().optional(),
    }),
    route: z.string(),
    /** What a sectoral system received about me: the event of a feed page or webhook delivery. */
    received: z
      .object({
        type: z.string(),
        recordId: z.string().optional(),
        kind: z.string().optional().openapi({ description: 'A certificate obtained: its kind' }),
        purpose: z.string().optional().openapi({ description: 'A certificate obtained: the purpose the system gave' }),
      })
      .optional(),
  })
  .openapi('AccessLogEntry');

const me = (actor: Actor) => {
  if (!actor?.nin) throw forbidden('Only a citizen account has a person');
  return actor.nin;
};

export const citizenRoutes = (_schemas: RecordSchemas) => [
  defineRoute({
    method: 'post',
    path: '/v1/persons/{nin}/activation-code',
    operationId: 'issueActivationCode',
    permission: 'persons.activation-code',
    secretFields: ['code'],
    tag: 'Citizens',
    summary: 'A one-time code the person uses to open their citizen account (valid 72 hours)',
    params: ninParams,
    responses: {
      201: { description: 'The code, to hand to the person', schema: codeView },
      ...errorResponses(400, 401, 403, 404, 409, 422),
    },
    async handle({ params }, ctx) {
      return {
        status: 201,
        body: await issueActivationCode(ctx.deps, ctx, params.nin),
        headers: { 'Cache-Control': 'no-store' },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/citizens/activation',
    operationId: 'activateCitizen',
    permission: 'citizens.activate',
    rateLimit: (c) => c.RATE_LIMIT_SIGN_IN_PER_MINUTE,
    tag: 'Citizens',
    summary: 'Open a citizen account with NIN, activation code and a password; the username is the NIN',
    body: activationBody,
    responses: {
      201: { description: 'Opened', schema: z.object({ id: z.string(), username: z.string() }) },
      ...errorResponses(400, 401, 409, 422, 429),
    },
    async handle({ body }, { deps, ip }) {
      const user = await activateCitizen(deps, body, ip);
      return { status: 201, body: { id: user._id, username: user.username } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/me',
    operationId: 'getMe',
    permission: 'me.read',
    tag: 'Citizens',
    summary: "The signed-in citizen's own person",
    responses: { 200: { description: 'Me', schema: personView }, ...errorResponses(401, 403) },
    async handle(_input, { deps, actor }) {
      return { status: 200, body: presentPerson(await findPerson(deps.persons, me(actor))) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/me/records',
    operationId: 'listMyRecords',
    permission: 'me.read',
    tag: 'Citizens',
    summary: "Registered records that name me: my birth, my children's births, my marriages and divorces",
    responses: {
      200: { description: 'My records', schema: z.object({ items: z.array(citizenRecord) }) },
      ...errorResponses(401, 403),
    },
    async handle(_input, { deps, actor }) {
      const records = await deps.records.list({ personNins: me(actor), status: 'registered' });
      return { status: 200, body: { items: records.map((r) => presentRecordToCitizen(deps.kinds, r)) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/me/access-log',
    operationId: 'listMyAccessLog',
    permission: 'me.read',
    tag: 'Citizens',
    summary: 'Who read my data, when and through which route, newest first',
    query: z.object(pageQuery(ACCESS_ID_PATTERN)).strict(),
    responses: {
      200: {
        description: 'Reads of my data',
        schema: z.object({ items: z.array(accessView), nextCursor: z.string().nullable() }),
      },
      ...errorResponses(400, 401, 403),
    },
    async handle({ query }, { deps, actor }) {
      const page = await deps.accessLog.readsOf(me(actor), afterCursor(query));
      const clients = await deps.clients.existing([
        ...new Set(page.items.filter((e) => e.actor.role === 'client').map((e) => e.actor.id)),
      ]);
      const names = new Map(clients.map((c) => [c._id, c.name]));
      const offices = await officeNames(
        deps.offices,
        page.items.flatMap((e) => (e.actor.office ? [e.actor.office] : [])),
      );
      const actorOf = (a: (typeof page.items)[number]['actor']) => ({
        ...a,
        ...(a.office && offices.has(a.office) ? { officeName: offices.get(a.office) } : {}),
        ...(names.has(a.id) ? { name: names.get(a.id) } : {}),
      });
      return {
        status: 200,
        body: pageView(page, (e) => ({
          at: e.at.toISOString(),
          actor: actorOf(e.actor),
          route: e.route,
          ...(e.received ? { received: e.received } : {}),
        })),
      };
    },
  }),
];
