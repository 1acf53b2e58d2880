import { routesOf } from '../../http/route';
import { errorResponses } from '../common/responses';
import { afterCursor, pageView } from '../common/schemas';
import { presentPerson } from './presenter';
import {
  confirmLatinBody,
  enrolPersonBody,
  familyView,
  ninParams,
  personPage,
  personView,
  searchPersonsQuery,
} from './schemas';
import { enrolPerson, findPerson } from './commands';
import { searchPersons } from './search';
import type { Config } from '../../config';
import { notFound } from '../../http/problem';
import { familyNins, familyOf } from './family';
import { confirmLatinName } from './latin';

/** What these routes use. */
type RouteDeps = { config: Pick<Config, 'SEARCH_COUNT_CAP'> } & Parameters<typeof enrolPerson>[0] &
  Parameters<typeof searchPersons>[0] &
  Parameters<typeof familyOf>[0] &
  Parameters<typeof confirmLatinName>[0];
const defineRoute = routesOf<RouteDeps>();

export const personRoutes = [
  defineRoute({
    method: 'post',
    path: '/v1/persons',
    operationId: 'enrolPerson',
    permission: 'persons.enrol',
    tag: 'Persons',
    summary: 'Enrol a living person from the legacy register; assigns a NIN',
    body: enrolPersonBody,
    responses: { 201: { description: 'Enrolled', schema: personView }, ...errorResponses(400, 401, 403, 409, 422) },
    async handle({ body }, ctx) {
      const person = await enrolPerson(ctx.deps, ctx, body);
      return { status: 201, body: presentPerson(person), headers: { Location: `/v1/persons/${person._id}` } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/persons/{nin}',
    operationId: 'getPerson',
    permission: 'persons.read',
    tag: 'Persons',
    summary: 'A person by NIN',
    params: ninParams,
    accessLog: true,
    responses: { 200: { description: 'The person', schema: personView }, ...errorResponses(400, 401, 403, 404) },
    async handle({ params }, { deps }) {
      const person = await findPerson(deps.persons, params.nin);
      return {
        status: 200,
        body: presentPerson(person),
        headers: { ETag: `"${person.version}"` },
        named: [person._id],
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/persons',
    operationId: 'searchPersons',
    permission: 'persons.search',
    tag: 'Persons',
    summary:
      'Search persons by name (Arabic-normalised, or Latin), date of birth or register page; a name alone is ranked (an exact match first, then by how many parts stand in their place) and counted up to 500',
    query: searchPersonsQuery,
    accessLog: true,
    responses: { 200: { description: 'A page of persons', schema: personPage }, ...errorResponses(400, 401, 403) },
    async handle({ query }, { deps }) {
      const page = await searchPersons(deps, { ...query, ...afterCursor(query), cap: deps.config.SEARCH_COUNT_CAP });
      const body = { ...pageView(page, presentPerson), ...(page.total ? { total: page.total } : {}) };
      return { status: 200, body, named: page.items.map((p) => p._id) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/persons/{nin}/family',
    operationId: 'getFamily',
    permission: 'persons.family',
    tag: 'Persons',
    summary:
      "A person's family as the register holds it: parents, spouses with the marriage's standing, children (a citizen: their own)",
    params: ninParams,
    accessLog: true,
    responses: { 200: { description: 'The family', schema: familyView }, ...errorResponses(400, 401, 403, 404) },
    async handle({ params }, { deps, actor }) {
      // Another person's NIN is answered to a citizen as unknown: whether it exists is not theirs to learn.
      if (actor.role === 'citizen' && actor.nin !== params.nin) throw notFound(`No person with NIN ${params.nin}`);
      const family = await familyOf(deps, params.nin);
      return { status: 200, body: family, named: familyNins(family) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/persons/{nin}/latin-name',
    operationId: 'confirmLatinName',
    permission: 'persons.confirm-latin',
    tag: 'Persons',
    summary:
      "Confirm (or correct) the proposed Latin form of a person's name that has none (latinProposal); it becomes name.latin",
    params: ninParams,
    body: confirmLatinBody,
    needsIfMatch: true,
    responses: {
      200: { description: 'The person, with the Latin form', schema: personView },
      ...errorResponses(400, 401, 403, 404, 409, 412, 428),
    },
    async handle({ params, body }, ctx) {
      const person = await confirmLatinName(ctx.deps, ctx, params.nin, body);
      return { status: 200, body: presentPerson(person), headers: { ETag: `"${person.version}"` } };
    },
  }),
];
