import { defineRoute } from '../../http/route';
import { commandContext } from '../../http/context';
import type { Services } from '../../services';
import { enrolPersonBody, ninParams, personPage, personView, searchPersonsQuery } from './schemas';
import { presentPerson } from './presenter';
import { enrolPerson, findPerson, searchPersons } from './service';
import { errorResponses } from '../common/responses';

export const personRoutes = (services: Services) => [
  defineRoute({
    method: 'post', path: '/v1/persons', permission: 'persons.enrol', tag: 'Persons',
    summary: 'Enrol a living person from the legacy register; assigns a NIN',
    body: enrolPersonBody,
    responses: { 201: { description: 'Enrolled', schema: personView }, ...errorResponses(400, 401, 403, 409, 422) },
    async handle({ body, ...input }) {
      const person = await enrolPerson(services, commandContext(input), body);
      return { status: 201, body: presentPerson(person), headers: { Location: `/v1/persons/${person._id}` } };
    },
  }),
  defineRoute({
    method: 'get', path: '/v1/persons/{nin}', permission: 'persons.read', tag: 'Persons',
    summary: 'A person by NIN',
    params: ninParams,
    responses: { 200: { description: 'The person', schema: personView }, ...errorResponses(400, 401, 403, 404) },
    async handle({ params, actor }) {
      const person = await findPerson(services, params.nin);
      services.accessLog.record([person._id], actor, 'GET /v1/persons/{nin}');
      return { status: 200, body: presentPerson(person), headers: { ETag: `"${person.version}"` } };
    },
  }),
  defineRoute({
    method: 'get', path: '/v1/persons', permission: 'persons.search', tag: 'Persons',
    summary: 'Search persons by name (Arabic-normalised, or Latin) and date of birth',
    query: searchPersonsQuery,
    responses: { 200: { description: 'A page of persons', schema: personPage }, ...errorResponses(400, 401, 403) },
    async handle({ query, actor }) {
      const page = await searchPersons(services, query);
      services.accessLog.record(page.items.map((p) => p._id), actor, 'GET /v1/persons');
      return { status: 200, body: { items: page.items.map(presentPerson), nextCursor: page.nextCursor } };
    },
  }),
];
