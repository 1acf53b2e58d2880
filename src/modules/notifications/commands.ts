import type { BirthEvents } from '../births/events';
import type { DeathEvents } from '../deaths/events';
import type { Notification } from '../records/store';

/** A hospital's notification declares a birth or a death. */
type NotifiedEvents = BirthEvents & DeathEvents;
import { validated } from '../../http/validation';
import { Problem, conflict, shownToClients } from '../../http/problem';
import { canonicalJson, sha256Hex } from '../../journal/hash';
import type { Journal } from '../../journal/journal';
import type { CommandContext, EntryDraft } from '../../journal/types';
import type { z } from '../../http/zod';
import { checkChildBirthDate } from '../births/rules';
import { checkNotifiedBirth } from '../births/commands';
import type { BirthFacts } from '../births/schemas';
import { checkedAgainstRegistry } from '../civil-status/client-view';
import type { CivilKindDeps } from '../civil-status/registration';
import { checkNotInFuture } from '../civil-status/rules';
import type { DeathFacts } from '../deaths/schemas';
import { checkDeathFacts } from '../deaths/commands';
import { GOVERNORATES } from '../common/governorates';
import { newRecordId } from '../records/ids';
import type { CivilRecord } from '../records/store';
import { birthFromFhir, deathFromFhir } from './fhir';
import { birthDuplicates } from '../births/duplicates';
import { deathDuplicates } from '../deaths/duplicates';
import type { DuplicateKeyStore } from '../duplicates/store';
import {
  birthNotificationBody,
  deathNotificationBody,
  type BirthNotification,
  type DeathNotification,
  type FhirBundle,
} from './schemas';

export interface NotificationDeps extends CivilKindDeps {
  journal: Journal<NotifiedEvents>;
  duplicateKeys: DuplicateKeyStore;
}

/** Our body from what the hospital sent: as is, or read from a FHIR Bundle; then checked by our schema. */
export function notificationBody<T>(schema: z.ZodType<T>, fromFhir: (b: FhirBundle) => unknown, sent: object): T {
  const body = 'resourceType' in sent ? fromFhir(sent as FhirBundle) : sent;
  return validated(schema, body, ['body'], 'The notification is not valid');
}

const officeOf = (governorate: string) => GOVERNORATES.find((g) => g.code === governorate)?.office ?? 'BGD';

/**
 * Checks of what the hospital sent alone, run before anyone in the registry is read: their
 * details quote only the notification, so the hospital is told them as they are (and, run
 * first, they answer alike whether the NIN exists or not).
 */
async function ownFactsChecked(check: () => unknown): Promise<void> {
  try {
    await check();
  } catch (err) {
    throw err instanceof Problem && !err.extra.client ? shownToClients(err) : err;
  }
}

/**
 * Creates a declared record from a hospital's notification, once: the same notificationId from
 * the same client gives the record it made; the same id with other facts is a conflict.
 */
async function notify(
  deps: NotificationDeps,
  ctx: CommandContext,
  n: { notificationId: string; facility: { name: string } },
  decide: (
    recordId: string,
    notification: Notification,
  ) => Promise<EntryDraft<NotifiedEvents, 'birth.declared'> | EntryDraft<NotifiedEvents, 'death.declared'>>,
): Promise<CivilRecord> {
  const key = `${ctx.actor.id}:${n.notificationId}`;
  const bodyHash = sha256Hex(canonicalJson(n));
  const made = async () => (await deps.records.list({ 'notification.key': key }))[0];
  const entry = await deps.journal.executeUnlessNothing(ctx, async () => {
    const earlier = await made();
    if (earlier) {
      if (earlier.notification?.bodyHash !== bodyHash) {
        // The record is the one this client's notification made: it may be named.
        throw shownToClients(
          conflict(
            `Notification ${n.notificationId} was sent before with other facts (record ${earlier._id})`,
            'notification-conflict',
          ),
        );
      }
      return null;
    }
    return decide(newRecordId(), {
      key,
      clientId: ctx.actor.id,
      notificationId: n.notificationId,
      facility: n.facility.name,
      bodyHash,
    });
  });
  const record = entry ? await deps.records.get(entry.data.recordId) : await made();
  if (!record) throw new Error('the notification made no record');
  return record;
}

export function notifyBirth(deps: NotificationDeps, ctx: CommandContext, n: BirthNotification) {
  return notify(deps, ctx, n, async (recordId, notification) => {
    const place = {
      governorate: n.facility.governorate,
      ...(n.facility.district ? { district: n.facility.district } : {}),
      facility: n.facility.name,
    };
    const facts: BirthFacts = {
      child: {
        sex: n.birth.sex,
        dateOfBirth: n.birth.date,
        placeOfBirth: place,
        ...(n.facility.type ? { placeOfBirthType: n.facility.type } : {}),
        ...(n.birth.time ? { timeOfBirth: n.birth.time } : {}),
        ...(n.birth.weightGrams ? { weightGrams: n.birth.weightGrams } : {}),
        ...(n.birth.plurality ? { plurality: n.birth.plurality } : {}),
      },
      mother: n.mother,
      informant: { relationship: 'health-facility', name: n.facility.name },
      ...(n.birth.attendant ? { attendant: n.birth.attendant } : {}),
    };
    await ownFactsChecked(() => checkChildBirthDate(n.birth.date));
    const check = () => checkNotifiedBirth(deps.persons, facts.child, n.mother);
    // A mother named by NIN is checked against her record; one given by name, against what was sent.
    await ('nin' in n.mother ? checkedAgainstRegistry(check) : ownFactsChecked(check));
    const personNins = 'nin' in n.mother ? [n.mother.nin] : [];
    return {
      type: 'birth.declared' as const,
      entityIds: [recordId, ...personNins],
      data: {
        recordId,
        office: officeOf(n.facility.governorate),
        facts,
        personNins,
        notification,
        ...(await birthDuplicates(deps, recordId, facts)),
      },
    };
  });
}

export function notifyDeath(deps: NotificationDeps, ctx: CommandContext, n: DeathNotification) {
  return notify(deps, ctx, n, async (recordId, notification) => {
    const facts: DeathFacts = {
      deceased: n.deceased,
      dateOfDeath: n.dateOfDeath,
      ...(n.timeOfDeath ? { timeOfDeath: n.timeOfDeath } : {}),
      placeOfDeath: {
        governorate: n.facility.governorate,
        ...(n.facility.district ? { district: n.facility.district } : {}),
        facility: n.facility.name,
      },
      ...(n.usualResidence ? { usualResidence: n.usualResidence } : {}),
      causeOfDeath: n.causeOfDeath,
      ...(n.mannerOfDeath ? { mannerOfDeath: n.mannerOfDeath } : {}),
      certifier: n.certifier,
      informant: { relationship: 'health-facility', name: n.facility.name },
    };
    await ownFactsChecked(() => checkNotInFuture(n.dateOfDeath, 'date of death'));
    await checkedAgainstRegistry(() => checkDeathFacts(deps, recordId, facts));
    return {
      type: 'death.declared' as const,
      entityIds: [recordId, n.deceased.nin],
      data: {
        recordId,
        office: officeOf(n.facility.governorate),
        facts,
        personNins: [n.deceased.nin],
        notification,
        ...(await deathDuplicates(deps, recordId, facts)),
      },
    };
  });
}

export const readBirthNotification = (sent: object) => notificationBody(birthNotificationBody, birthFromFhir, sent);
export const readDeathNotification = (sent: object) => notificationBody(deathNotificationBody, deathFromFhir, sent);
