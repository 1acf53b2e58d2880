import { randomBytes } from 'node:crypto';
import { conflict, notFound, Problem, unprocessable } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { CommandContext } from '../../journal/types';
import type { Client } from '../clients/store';
import type { ProjectionStore } from '../../db/store';
import type { PersonStore } from '../persons/projectors';
import type { CivilRecord } from '../records/store';
import type { ConsentEvents } from './events';
import type { Consent, ConsentStore } from './store';
import { AGE_OF_MAJORITY, ageOn, consentersOf, consentStands } from './rules';

export interface ConsentDeps {
  journal: Journal<ConsentEvents>;
  consents: ConsentStore;
  clients: ProjectionStore<Client>;
  persons: PersonStore;
}

/** The longest a consent may run: a year, after which the citizen gives it again if they wish. */
export const MAX_CONSENT_DAYS = 366;

export const newConsentId = () => `cn_${randomBytes(12).toString('base64url')}`;

/**
 * A citizen (or staff at an office, for the citizen at the counter) lets one client obtain the
 * citizen's certificates for one purpose until `expiresAt`. The client must exist, be enabled
 * and hold `certificates:issue`; the date must be in the future and within a year.
 */
export async function giveConsent(
  deps: ConsentDeps,
  ctx: CommandContext,
  input: { nin: string; clientId: string; purpose: string; expiresAt: string },
): Promise<Consent> {
  const consentId = newConsentId();
  await deps.journal.execute(ctx, async () => {
    if (!(await deps.persons.exists(input.nin))) throw notFound(`No person with NIN ${input.nin}`);
    const client = await deps.clients.get(input.clientId);
    if (!client || client.disabled || !client.scopes.includes('certificates:issue'))
      throw unprocessable(
        `No enabled client ${input.clientId} may obtain certificates (scope certificates:issue)`,
        'unknown-client',
      );
    const now = Date.now();
    const until = Date.parse(input.expiresAt);
    if (until <= now) throw unprocessable('expiresAt must be in the future', 'consent-expired');
    if (until > now + MAX_CONSENT_DAYS * 86_400_000)
      throw unprocessable(`A consent runs ${MAX_CONSENT_DAYS} days at most; give it again after`, 'consent-too-long');
    return {
      type: 'consent.given',
      entityIds: [consentId, input.nin, input.clientId],
      data: { consentId, ...input, expiresAt: new Date(until).toISOString() },
    };
  });
  return findConsent(deps.consents, consentId, input.nin);
}

/** A consent of this person; another person's is as unknown as a made-up id. */
export async function findConsent(consents: ConsentStore, id: string, nin: string): Promise<Consent> {
  const c = await consents.get(id);
  if (!c || c.nin !== nin) throw notFound(`No consent ${id}`);
  return c;
}

/** The person withdraws a consent: from now on the client obtains nothing by it (journaled). */
export async function withdrawConsent(deps: ConsentDeps, ctx: CommandContext, id: string, nin: string) {
  await deps.journal.execute(ctx, async () => {
    const c = await findConsent(deps.consents, id, nin);
    if (c.withdrawnAt) throw conflict(`The consent was withdrawn on ${c.withdrawnAt}`, 'already-withdrawn');
    return { type: 'consent.withdrawn', entityIds: [id, nin, c.clientId], data: { consentId: id, nin } };
  });
}

export function registerConsentProjectors(journal: Journal<ConsentEvents>, consents: ConsentStore): void {
  journal.on('consent.given', (entry) => {
    const { consentId, ...given } = entry.data;
    return consents.insertOnce({
      _id: consentId,
      ...given,
      givenAt: entry.at,
      givenBy: { id: entry.actor.id, role: entry.actor.role },
      seq: entry.seq,
    });
  });
  journal.on('consent.withdrawn', (entry) =>
    consents.applyOnce(entry.data.consentId, entry.seq, { set: { withdrawnAt: entry.at } }),
  );
}

export const consentRequired = (detail: string) => new Problem(403, 'Forbidden', detail, { code: 'consent-required' });

/** Whether any of these people gave this client a standing consent for this purpose. */
async function anyConsent(
  deps: Pick<ConsentDeps, 'consents'>,
  nins: readonly string[],
  clientId: string,
  purpose: string,
) {
  const now = new Date();
  for (const nin of nins)
    if ((await deps.consents.list({ nin })).some((c) => consentStands(c, clientId, purpose, now))) return true;
  return false;
}

/**
 * Refuses a client's issue of a record's certificate (403 consent-required) unless a person the
 * record is about consented (a parent, for a minor child's birth), or the purpose needs none:
 * `notified-record`, a hospital obtaining the certificate of a birth or death it notified itself.
 */
export async function requireRecordConsent(
  deps: Pick<ConsentDeps, 'consents' | 'persons'>,
  record: CivilRecord,
  clientId: string,
  purpose: string,
): Promise<void> {
  if (purpose === NOTIFIED_RECORD && record.notification?.clientId === clientId) return;
  const child = record.kind === 'birth' && record.subjectNin ? await deps.persons.get(record.subjectNin) : null;
  const parents = child ? [child.motherNin, child.fatherNin].filter((n): n is string => n !== undefined) : [];
  const minor = child ? ageOn(child.dateOfBirth, new Date()) < AGE_OF_MAJORITY : false;
  if (await anyConsent(deps, consentersOf(record, parents, minor), clientId, purpose)) return;
  throw consentRequired(`Nobody this record is about consented that this client obtain it for "${purpose}"`);
}

/** Refuses a client's issue of a person's extract unless the person consented (a parent's consent does not cover it). */
export async function requirePersonConsent(
  deps: Pick<ConsentDeps, 'consents'>,
  nin: string,
  clientId: string,
  purpose: string,
): Promise<void> {
  if (await anyConsent(deps, [nin], clientId, purpose)) return;
  throw consentRequired(`The person did not consent that this client obtain their extract for "${purpose}"`);
}

/** The purpose that needs no consent: a hospital's own notified record (README, "Certificates for other systems"). */
export const NOTIFIED_RECORD = 'notified-record';
