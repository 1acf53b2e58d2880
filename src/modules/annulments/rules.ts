import { conflict, unprocessable } from '../../http/problem';
import { annulmentOf, type AnnulmentEvent, type MarriageEvent } from '../civil-status/derive';
import { checkNotInFuture, type Circle } from '../civil-status/rules';
import type { RecordStatus } from '../records/store';

/**
 * The rules of an annulment, plain functions that throw a Problem naming the rule (`code`).
 *
 * A marriage that a divorce or a death already ended may still be annulled, and it is not an
 * error: a void contract has no effect at all (no inheritance, no waiting period, no dower due
 * as of a valid marriage), so a court is often asked to declare it void after it ended, in an
 * inheritance or a lineage suit. The registry records what the court judged; the derivation then
 * treats the divorce as ending nothing and the death as widowing no one.
 */

/**
 * The annulment's marriage: a registered marriage (the world holds registered events only),
 * annulled by no other registered annulment, celebrated on or before the judgment, which is not
 * in the future. Returns the marriage.
 */
export function checkAnnulmentOf(world: Circle, annulment: AnnulmentEvent, now?: string): MarriageEvent {
  checkNotInFuture(annulment.date, 'date of judgment', now);
  const marriage = world.events.find((e): e is MarriageEvent => e.kind === 'marriage' && e.id === annulment.marriageId);
  if (!marriage)
    throw conflict(`Record ${annulment.marriageId} is not a registered marriage`, 'marriage-not-registered');
  if (annulment.date < marriage.date) {
    throw unprocessable(
      `The judgment (${annulment.date}) is dated before the marriage it annuls (${marriage.date})`,
      'annulment-before-marriage',
    );
  }
  const other = annulmentOf(
    marriage.id,
    world.events.filter((e) => e.id !== annulment.id),
  );
  if (other) throw alreadyAnnulled(marriage.id, other.id, 'registered');
  return marriage;
}

/** An annulment of the marriage on file, whatever its status. */
export interface AnnulmentOnFile {
  _id: string;
  status: RecordStatus;
  declaredAt: string;
}

/**
 * One annulment per marriage: another one registered refuses this one, and so does another one
 * still declared, if declared before this one (or this one is new). Declared after it, it does not:
 * else two declarations would each stop the other's registration.
 */
export function checkNoOtherAnnulment(recordId: string, onFile: readonly AnnulmentOnFile[]): void {
  const own = onFile.find((a) => a._id === recordId);
  const before = (a: AnnulmentOnFile) =>
    !own || a.declaredAt < own.declaredAt || (a.declaredAt === own.declaredAt && a._id < own._id);
  const other = onFile.find(
    (a) => a._id !== recordId && (a.status === 'registered' || (a.status === 'declared' && before(a))),
  );
  if (other) throw alreadyAnnulled(undefined, other._id, other.status);
}

const alreadyAnnulled = (marriageId: string | undefined, annulmentId: string, status: string) =>
  conflict(
    `The marriage${marriageId ? ` ${marriageId}` : ''} already has an annulment (record ${annulmentId}, ${status})`,
    'marriage-already-annulled',
  );
