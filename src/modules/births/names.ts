import { unprocessable } from '../../http/problem';
import type { PersonName } from '../persons/store';
import { normaliseName } from '../persons/normalise';
import type { ChildFacts } from './schemas';

/**
 * Completes the child's name the Iraqi way: father's name = the father's given name, grandfather's
 * name = the father's father's name, family name = the father's. A registered father's names win;
 * a different one in the declaration is refused rather than silently replaced.
 */
export function completeChildName(
  child: ChildFacts,
  father: PersonName | undefined,
  fatherRegistered: boolean,
): ChildFacts {
  if (!father) {
    if (!child.fatherName || !child.grandfatherName) {
      throw unprocessable(
        "Without a father, the child's fatherName and grandfatherName must be given",
        'child-name-incomplete',
      );
    }
    return child;
  }
  const derived = {
    fatherName: father.givenName,
    grandfatherName: father.fatherName,
    familyName: child.familyName ?? father.familyName,
  };
  if (fatherRegistered) {
    for (const key of ['fatherName', 'grandfatherName'] as const) {
      const given = child[key];
      if (given && normaliseName(given) !== normaliseName(derived[key])) {
        throw unprocessable(`child.${key} differs from the registered father's record`, 'father-name-mismatch');
      }
    }
  }
  const latin =
    child.latin && father.latin
      ? {
          ...child.latin,
          fatherName: father.latin.givenName,
          grandfatherName: father.latin.fatherName,
          familyName: child.latin.familyName ?? father.latin.familyName,
        }
      : child.latin;
  return withoutUndefined({ ...child, ...derived, latin });
}

/** The child's full name as a person record holds it. */
export function childPersonName(child: ChildFacts): PersonName {
  const l = child.latin;
  const latin =
    l?.fatherName && l.grandfatherName
      ? withoutUndefined({
          givenName: l.givenName,
          fatherName: l.fatherName,
          grandfatherName: l.grandfatherName,
          familyName: l.familyName,
        })
      : undefined;
  return withoutUndefined({
    givenName: child.givenName,
    fatherName: child.fatherName as string,
    grandfatherName: child.grandfatherName as string,
    familyName: child.familyName,
    latin,
  });
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
