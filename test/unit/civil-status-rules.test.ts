import { checkDeath, checkDivorce, checkMarriage } from '../../src/modules/civil-status/checks';
import type { CivilEvent } from '../../src/modules/civil-status/derive';
import { CIVIL_STATUS_LAW, type CivilStatusLaw } from '../../src/modules/civil-status/law';
import {
  checkAliveOn,
  checkConcurrentMarriages,
  checkDivorceOf,
  checkMarriageAge,
  checkNoChildBornAfterDeath,
  checkNoDivorceBefore,
  checkNoEventsAfterDeath,
  checkNotAlreadyDead,
  checkNotBeforeBirth,
  checkNotCloseKin,
  checkNotInFuture,
  checkSexes,
  requireParty,
  type Party,
  type Circle,
} from '../../src/modules/civil-status/rules';

const ali: Party = { nin: 'ali', sex: 'male', dateOfBirth: '1990-01-01' };
const huda: Party = { nin: 'huda', sex: 'female', dateOfBirth: '1992-06-15' };
const sara: Party = { nin: 'sara', sex: 'female', dateOfBirth: '1995-03-03' };
const world = (events: CivilEvent[], people: Party[] = [ali, huda, sara]): Circle => ({
  persons: new Map(people.map((p) => [p.nin, p])),
  events,
});
const m1: CivilEvent = { kind: 'marriage', id: 'm1', date: '2015-05-05', parties: ['ali', 'huda'] };
const law = CIVIL_STATUS_LAW;

/** The rule a call breaks: its problem's status and code. */
function broken(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    const p = e as { status: number; extra: { code?: string }; message: string };
    expect(p.message.length).toBeGreaterThan(20); // says why
    return `${p.status} ${p.extra.code}`;
  }
}

describe('civil-status rules, one by one', () => {
  it('a party must exist', () => {
    expect(broken(() => requireParty(world([]), 'nobody', 'party A'))).toBe('422 person-not-found');
    expect(requireParty(world([]), 'ali', 'party A')).toBe(ali);
  });

  it('no date in the future, none before the birth', () => {
    expect(broken(() => checkNotInFuture('2026-12-01', 'date of death', '2026-11-28'))).toBe('422 date-in-future');
    expect(broken(() => checkNotInFuture('2026-11-28', 'date of death', '2026-11-28'))).toBeUndefined();
    expect(broken(() => checkNotBeforeBirth(ali, '1989-12-31', 'date of death', 'the deceased'))).toBe(
      '422 before-birth',
    );
    expect(broken(() => checkNotBeforeBirth(ali, '1990-01-01', 'date of death', 'the deceased'))).toBeUndefined();
  });

  it('an event after the death of a party is refused; on the day of death it is not', () => {
    const w = world([{ kind: 'death', id: 'x', date: '2020-01-01', nin: 'ali' }]);
    expect(broken(() => checkAliveOn(w, ali, '2020-01-02', 'marriage', 'party A'))).toBe('409 party-deceased');
    expect(broken(() => checkAliveOn(w, ali, '2020-01-01', 'marriage', 'party A'))).toBeUndefined();
  });

  it('a second death is refused', () => {
    expect(
      broken(() => checkNotAlreadyDead(world([{ kind: 'death', id: 'x', date: '2020-01-01', nin: 'ali' }]), 'ali')),
    ).toBe('409 already-deceased');
    expect(broken(() => checkNotAlreadyDead(world([]), 'ali'))).toBeUndefined();
  });

  it('a death before a registered marriage or divorce of the person is refused', () => {
    const d: CivilEvent = { kind: 'divorce', id: 'd1', date: '2018-01-01', marriageId: 'm1' };
    expect(broken(() => checkNoEventsAfterDeath(world([m1]), 'huda', '2015-05-04'))).toBe('409 events-after-death');
    expect(broken(() => checkNoEventsAfterDeath(world([m1, d]), 'huda', '2017-01-01'))).toBe('409 events-after-death');
    expect(broken(() => checkNoEventsAfterDeath(world([m1, d]), 'huda', '2018-01-01'))).toBeUndefined();
  });

  it('a parent’s death may not come before a registered child’s birth (a father’s, not by more than 300 days)', () => {
    const child: Party = { nin: 'c', sex: 'female', dateOfBirth: '2026-03-14', motherNin: 'huda', fatherNin: 'ali' };
    const w: Circle = { ...world([]), children: [child] };
    expect(broken(() => checkNoChildBornAfterDeath(w, 'huda', '2026-03-13'))).toBe('409 events-after-death');
    expect(broken(() => checkNoChildBornAfterDeath(w, 'huda', '2026-03-14'))).toBeUndefined();
    expect(broken(() => checkNoChildBornAfterDeath(w, 'ali', '2025-05-01'))).toBe('409 events-after-death');
    expect(broken(() => checkNoChildBornAfterDeath(w, 'ali', '2025-10-01'))).toBeUndefined();
  });

  it('parties of different sex, as the policy says', () => {
    expect(broken(() => checkSexes(huda, sara, law))).toBe('422 same-sex');
    expect(broken(() => checkSexes(huda, sara, { ...law, partiesOfDifferentSex: false }))).toBeUndefined();
  });

  it('parent and child, and siblings, may not marry', () => {
    const son: Party = { nin: 'son', sex: 'male', dateOfBirth: '2010-01-01', motherNin: 'huda' };
    const daughter: Party = { nin: 'daughter', sex: 'female', dateOfBirth: '2012-01-01', motherNin: 'huda' };
    expect(broken(() => checkNotCloseKin(huda, son))).toBe('422 prohibited-degree');
    expect(broken(() => checkNotCloseKin(son, daughter))).toBe('422 prohibited-degree');
    expect(broken(() => checkNotCloseKin(son, sara))).toBeUndefined();
  });

  it('18 at the marriage; 15 to 17 only with a court reference; never under 15', () => {
    const teen: Party = { nin: 't', sex: 'female', dateOfBirth: '2010-06-01' };
    expect(broken(() => checkMarriageAge(teen, '2028-06-01', undefined, law, 'party B'))).toBeUndefined();
    expect(broken(() => checkMarriageAge(teen, '2028-05-31', undefined, law, 'party B'))).toBe(
      '422 under-age-without-court',
    );
    expect(broken(() => checkMarriageAge(teen, '2025-06-01', 'C-1', law, 'party B'))).toBeUndefined();
    expect(broken(() => checkMarriageAge(teen, '2025-05-31', 'C-1', law, 'party B'))).toBe('422 under-minimum-age');
  });

  it('a further marriage while one is in force needs what the policy says, and never between the same two', () => {
    const m2 = (courtReference?: string): CivilEvent => ({
      kind: 'marriage',
      id: 'm2',
      date: '2020-01-01',
      parties: ['ali', 'sara'],
      ...(courtReference ? { courtReference } : {}),
    });
    expect(broken(() => checkConcurrentMarriages(world([m1, m2()]), ali, law, 'party A'))).toBe('409 already-married');
    expect(broken(() => checkConcurrentMarriages(world([m1, m2('C-7')]), ali, law, 'party A'))).toBeUndefined();
    const never: CivilStatusLaw = { ...law, furtherMarriage: { female: 'never', male: 'never' } };
    expect(broken(() => checkConcurrentMarriages(world([m1, m2('C-7')]), ali, never, 'party A'))).toBe(
      '409 already-married',
    );
    const always: CivilStatusLaw = { ...law, furtherMarriage: { female: 'always', male: 'always' } };
    expect(broken(() => checkConcurrentMarriages(world([m1, m2()]), ali, always, 'party A'))).toBeUndefined();
    const again: CivilEvent = {
      kind: 'marriage',
      id: 'm3',
      date: '2019-01-01',
      parties: ['huda', 'ali'],
      courtReference: 'C-8',
    };
    expect(broken(() => checkConcurrentMarriages(world([m1, again]), ali, always, 'party A'))).toBe(
      '409 already-married-to-each-other',
    );
    // After a divorce, or the spouse's death, the next marriage needs nothing.
    const divorced: CivilEvent = { kind: 'divorce', id: 'd1', date: '2019-12-31', marriageId: 'm1' };
    expect(broken(() => checkConcurrentMarriages(world([m1, divorced, m2()]), ali, law, 'party A'))).toBeUndefined();
    const widowed: CivilEvent = { kind: 'death', id: 'x', date: '2019-12-31', nin: 'huda' };
    expect(broken(() => checkConcurrentMarriages(world([m1, widowed, m2()]), ali, law, 'party A'))).toBeUndefined();
  });

  it('a marriage may not be dated after its divorce', () => {
    const d: CivilEvent = { kind: 'divorce', id: 'd1', date: '2018-01-01', marriageId: 'm1' };
    expect(broken(() => checkNoDivorceBefore(world([d]), { ...m1, date: '2018-01-02' }))).toBe(
      '409 marriage-after-divorce',
    );
  });

  it('a divorce needs a registered marriage in force, celebrated before it', () => {
    expect(broken(() => checkDivorceOf(world([]), 'm1', '2018-01-01'))).toBe('409 marriage-not-registered');
    expect(broken(() => checkDivorceOf(world([m1]), 'm1', '2015-05-04'))).toBe('422 divorce-before-marriage');
    const d: CivilEvent = { kind: 'divorce', id: 'd1', date: '2018-01-01', marriageId: 'm1' };
    expect(broken(() => checkDivorceOf(world([m1, d]), 'm1', '2019-01-01'))).toBe('409 marriage-dissolved');
    const death: CivilEvent = { kind: 'death', id: 'x', date: '2017-01-01', nin: 'ali' };
    expect(broken(() => checkDivorceOf(world([m1, death]), 'm1', '2018-01-01'))).toBe('409 marriage-dissolved');
    expect(checkDivorceOf(world([m1]), 'm1', '2018-01-01').id).toBe('m1');
  });
});

describe('civil-status checks, composed', () => {
  const now = '2026-11-28';
  it('a marriage is checked against both parties', () => {
    expect(
      broken(() =>
        checkMarriage(world([]), { kind: 'marriage', id: 'n', date: '2020-01-01', parties: ['ali', 'ali'] }, law, now),
      ),
    ).toBe('422 same-person');
    expect(
      broken(() =>
        checkMarriage(
          world([m1]),
          { kind: 'marriage', id: 'n', date: '2020-01-01', parties: ['ali', 'sara'] },
          law,
          now,
        ),
      ),
    ).toBe('409 already-married');
    expect(
      broken(() =>
        checkMarriage(world([]), { kind: 'marriage', id: 'n', date: '2020-01-01', parties: ['ali', 'sara'] }, law, now),
      ),
    ).toBeUndefined();
  });

  it('a correction of a marriage replaces its registered version, and is refused after its divorce', () => {
    const d: CivilEvent = { kind: 'divorce', id: 'd1', date: '2018-01-01', marriageId: 'm1' };
    expect(broken(() => checkMarriage(world([m1, d]), { ...m1, date: '2016-01-01' }, law, now))).toBeUndefined();
    expect(broken(() => checkMarriage(world([m1, d]), { ...m1, date: '2018-06-01' }, law, now))).toBe(
      '409 marriage-after-divorce',
    );
  });

  it('a divorce dated later must not overlap a later marriage the policy forbids', () => {
    const d: CivilEvent = { kind: 'divorce', id: 'd1', date: '2018-01-01', marriageId: 'm1' };
    const m2: CivilEvent = { kind: 'marriage', id: 'm2', date: '2019-01-01', parties: ['ali', 'sara'] };
    expect(broken(() => checkDivorce(world([m1, d, m2]), { ...d, date: '2018-06-01' }, law, now))).toBeUndefined();
    expect(broken(() => checkDivorce(world([m1, d, m2]), { ...d, date: '2019-06-01' }, law, now))).toBe(
      '409 already-married',
    );
  });

  it('a death: once, after the birth, not in the future, and not keeping a remarried spouse married', () => {
    const x = (date: string, id = 'x'): Extract<CivilEvent, { kind: 'death' }> => ({
      kind: 'death',
      id,
      date,
      nin: 'huda',
    });
    expect(broken(() => checkDeath(world([]), x('2027-01-01'), law, now))).toBe('422 date-in-future');
    expect(broken(() => checkDeath(world([]), x('1990-01-01'), law, now))).toBe('422 before-birth');
    expect(broken(() => checkDeath(world([x('2020-01-01', 'x0')]), x('2021-01-01'), law, now))).toBe(
      '409 already-deceased',
    );
    // Ali, widowed on 2020-01-01, married Sara in 2021: Huda's death cannot move past that.
    const m2: CivilEvent = { kind: 'marriage', id: 'm2', date: '2021-01-01', parties: ['ali', 'sara'] };
    expect(broken(() => checkDeath(world([m1, x('2020-01-01'), m2]), x('2020-06-01'), law, now))).toBeUndefined();
    expect(broken(() => checkDeath(world([m1, x('2020-01-01'), m2]), x('2022-01-01'), law, now))).toBe(
      '409 already-married',
    );
  });
});
