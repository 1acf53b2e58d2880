import { checkAnnulmentOf, checkNoOtherAnnulment, type AnnulmentOnFile } from '../../src/modules/annulments/rules';
import { checkDeath, checkMarriage } from '../../src/modules/civil-status/checks';
import type { AnnulmentEvent, CivilEvent } from '../../src/modules/civil-status/derive';
import { CIVIL_STATUS_LAW } from '../../src/modules/civil-status/law';
import {
  checkConcurrentMarriages,
  checkDivorceOf,
  type Circle,
  type Party,
} from '../../src/modules/civil-status/rules';

const ali: Party = { nin: 'ali', sex: 'male', dateOfBirth: '1990-01-01' };
const huda: Party = { nin: 'huda', sex: 'female', dateOfBirth: '1992-06-15' };
const sara: Party = { nin: 'sara', sex: 'female', dateOfBirth: '1995-03-03' };
const world = (events: CivilEvent[]): Circle => ({
  persons: new Map([ali, huda, sara].map((p) => [p.nin, p])),
  events,
});
const m1: CivilEvent = { kind: 'marriage', id: 'm1', date: '2015-05-05', parties: ['ali', 'huda'] };
const annul = (id: string, date: string, marriageId = 'm1'): AnnulmentEvent => ({
  kind: 'annulment',
  id,
  date,
  marriageId,
});
const now = '2026-06-01';
const strictLaw = { ...CIVIL_STATUS_LAW, furtherMarriage: { female: 'never', male: 'never' } } as const;

/** The rule a call breaks: its problem's status and code. */
function broken(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    const p = e as { status: number; extra: { code?: string }; message: string };
    expect(p.message.length).toBeGreaterThan(20); // says why
    return `${p.status} ${p.extra.code}`;
  }
}

describe('annulment rules', () => {
  it('needs a registered marriage', () => {
    expect(broken(() => checkAnnulmentOf(world([]), annul('n1', '2020-01-01'), now))).toBe(
      '409 marriage-not-registered',
    );
    expect(broken(() => checkAnnulmentOf(world([m1]), annul('n1', '2020-01-01', 'm9'), now))).toBe(
      '409 marriage-not-registered',
    );
    expect(checkAnnulmentOf(world([m1]), annul('n1', '2020-01-01'), now)).toBe(m1);
  });

  it('a judgment on or after the marriage, not in the future', () => {
    expect(broken(() => checkAnnulmentOf(world([m1]), annul('n1', '2015-05-04'), now))).toBe(
      '422 annulment-before-marriage',
    );
    expect(broken(() => checkAnnulmentOf(world([m1]), annul('n1', '2015-05-05'), now))).toBeUndefined();
    expect(broken(() => checkAnnulmentOf(world([m1]), annul('n1', '2026-06-02'), now))).toBe('422 date-in-future');
    expect(broken(() => checkAnnulmentOf(world([m1]), annul('n1', now), now))).toBeUndefined();
  });

  it('once per marriage: another registered annulment refuses it, its own registered version does not', () => {
    expect(broken(() => checkAnnulmentOf(world([m1, annul('n0', '2019-01-01')]), annul('n1', '2020-01-01'), now))).toBe(
      '409 marriage-already-annulled',
    );
    // A correction or a registration checked again: the record's own registered event is not another.
    expect(broken(() => checkAnnulmentOf(world([m1, annul('n1', '2019-01-01')]), annul('n1', '2020-01-01'), now))).toBe(
      undefined,
    );
  });

  it('a marriage a divorce or a death already ended may still be annulled', () => {
    const divorced: CivilEvent = { kind: 'divorce', id: 'd1', date: '2018-01-01', marriageId: 'm1' };
    const widowed: CivilEvent = { kind: 'death', id: 'x1', date: '2019-01-01', nin: 'huda' };
    expect(checkAnnulmentOf(world([m1, divorced]), annul('n1', '2020-01-01'), now)).toBe(m1);
    expect(checkAnnulmentOf(world([m1, widowed]), annul('n1', '2020-01-01'), now)).toBe(m1);
  });

  it('another annulment on file: registered, or declared before this one, refuses it', () => {
    const onFile = (id: string, status: AnnulmentOnFile['status'], declaredAt: string): AnnulmentOnFile => ({
      _id: id,
      status,
      declaredAt,
    });
    const mine = onFile('r_b', 'declared', '2026-05-02T10:00:00Z');
    // A new declaration (not yet on file): any other declared or registered one refuses it.
    expect(broken(() => checkNoOtherAnnulment('r_new', [mine]))).toBe('409 marriage-already-annulled');
    expect(broken(() => checkNoOtherAnnulment('r_new', [onFile('r_a', 'registered', '2026-01-01T00:00:00Z')]))).toBe(
      '409 marriage-already-annulled',
    );
    expect(
      broken(() =>
        checkNoOtherAnnulment('r_new', [
          onFile('r_a', 'rejected', '2026-01-01T00:00:00Z'),
          onFile('r_c', 'voided', '2026-01-02T00:00:00Z'),
        ]),
      ),
    ).toBeUndefined();
    // Its registration: an earlier declaration refuses it, a later one does not (it would be refused itself).
    expect(broken(() => checkNoOtherAnnulment('r_b', [mine]))).toBeUndefined();
    expect(broken(() => checkNoOtherAnnulment('r_b', [mine, onFile('r_a', 'declared', '2026-05-01T00:00:00Z')]))).toBe(
      '409 marriage-already-annulled',
    );
    expect(
      broken(() => checkNoOtherAnnulment('r_b', [mine, onFile('r_c', 'declared', '2026-05-03T00:00:00Z')])),
    ).toBeUndefined();
    expect(broken(() => checkNoOtherAnnulment('r_b', [mine, onFile('r_a', 'declared', mine.declaredAt)]))).toBe(
      '409 marriage-already-annulled',
    );
  });
});

describe('the other rules see an annulled marriage as never in force', () => {
  const annulled = annul('n1', '2024-01-01');
  const m2: CivilEvent = { kind: 'marriage', id: 'm2', date: '2021-01-01', parties: ['ali', 'sara'] };

  it('a further marriage during it needs no court and no law allowing one', () => {
    expect(broken(() => checkConcurrentMarriages(world([m1, m2]), ali, strictLaw, 'party A'))).toBe(
      '409 already-married',
    );
    expect(broken(() => checkConcurrentMarriages(world([m1, m2, annulled]), ali, strictLaw, 'party A'))).toBe(
      undefined,
    );
    expect(broken(() => checkMarriage(world([m1, annulled]), m2, strictLaw, now))).toBeUndefined();
    // The same two people may marry validly after the annulment.
    const again: CivilEvent = { kind: 'marriage', id: 'm3', date: '2024-02-01', parties: ['ali', 'huda'] };
    expect(broken(() => checkMarriage(world([m1, annulled]), again, strictLaw, now))).toBeUndefined();
  });

  it('it cannot be divorced', () => {
    expect(broken(() => checkDivorceOf(world([m1, annulled]), 'm1', '2020-01-01'))).toBe('409 marriage-annulled');
  });

  it("a party's death concerns no spouse of it", () => {
    const hudaDies: Extract<CivilEvent, { kind: 'death' }> = {
      kind: 'death',
      id: 'x1',
      date: '2022-01-01',
      nin: 'huda',
    };
    // Ali married Sara in 2021 without a court: only the annulment makes that allowed, whenever Huda died.
    expect(broken(() => checkDeath(world([m1, m2]), hudaDies, strictLaw, now))).toBe('409 already-married');
    expect(broken(() => checkDeath(world([m1, m2, annulled]), hudaDies, strictLaw, now))).toBeUndefined();
  });
});
