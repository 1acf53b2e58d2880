import fc from 'fast-check';
import { Problem } from '../src/http/problem';
import { rebuildProjections } from '../src/journal/rebuild';
import { verifyJournal } from '../src/journal/verify';
import {
  deathOf,
  deriveStatus,
  maritalStatusBefore,
  marriagesOf,
  spousesOf,
  type CivilEvent,
} from '../src/modules/civil-status/derive';
import { civilEventOf } from '../src/modules/civil-status/circle';
import { declareDeath } from '../src/modules/deaths/commands';
import { declareDivorce } from '../src/modules/divorces/commands';
import { declareMarriage } from '../src/modules/marriages/commands';
import { enrolPerson } from '../src/modules/persons/commands';
import { correctRecord, registerRecord, rejectRecord, voidRecord } from '../src/modules/records/commands';
import { startHarness, type Harness } from './support/harness';
import { must } from './support/checked';

/**
 * Random sequences of declarations, registrations, corrections, rejections and voidings of
 * marriages, divorces and deaths over a small population, through the domain's commands (the
 * journal and projections, as the API drives them). After each sequence its people must hold
 * the invariants; after all of them, a rebuild from the journal must give the same read models.
 * PROPERTY_RUNS sets the number of sequences (CI: 200).
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

let h: Harness;
beforeAll(async () => {
  // Registered deaths' dates are corrected here by the command itself, without a court order to
  // attach: the policy lets them be on a reason, so corrections keep moving the derivation.
  h = await startHarness({ CORRECTION_EVIDENCE: '{"death":{"dates":"reason"}}' });
});
afterAll(() => h.close());

const officer = { actor: { id: 'u_property_officer', role: 'officer' as const, office: 'BGD' }, requestId: 'property' };
const registrar = {
  actor: { id: 'u_property_registrar', role: 'registrar' as const, office: 'BGD' },
  requestId: 'property',
};
const place = { governorate: 'IQ-BG' };

/** A date from 2000 on, in steps of about four months, so that events collide and interleave. */
const date = fc
  .integer({ min: 0, max: 60 })
  .map((k) => new Date(Date.UTC(2000, 0, 1) + k * 121 * 86_400_000).toISOString().slice(0, 10));
const who = fc.nat({ max: 5 });
const man = fc.nat({ max: 2 });
const woman = fc.integer({ min: 3, max: 5 });
const which = fc.nat({ max: 30 });

const op = fc.oneof(
  // Mostly a man and a woman, either way round; sometimes anyone (same sex, same person: refused).
  fc.record({ op: fc.constant('marry' as const), a: man, b: woman, date, court: fc.boolean() }),
  fc.record({ op: fc.constant('marry' as const), a: woman, b: man, date, court: fc.boolean() }),
  fc.record({ op: fc.constant('marry' as const), a: who, b: who, date, court: fc.boolean() }),
  fc.record({ op: fc.constant('divorce' as const), r: which, date }),
  fc.record({ op: fc.constant('die' as const), p: who, date }),
  fc.record({ op: fc.constant('register' as const), r: which }),
  fc.record({ op: fc.constant('register' as const), r: which }),
  fc.record({ op: fc.constant('register' as const), r: which }),
  fc.record({ op: fc.constant('void' as const), r: which }),
  fc.record({ op: fc.constant('reject' as const), r: which }),
  fc.record({ op: fc.constant('correct' as const), r: which, date }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** Six people: three men, three women, one of them 17 in 2000 (so the age rules come into play). */
const FAMILIES = [
  'الجبوري',
  'التميمي',
  'الربيعي',
  'الزبيدي',
  'العبيدي',
  'الدليمي',
  'الساعدي',
  'الشمري',
  'الخفاجي',
  'البياتي',
  'الحسيني',
  'الموسوي',
  'الكعبي',
  'العزاوي',
  'السامرائي',
];
const FATHERS = [
  'حسن',
  'كريم',
  'جاسم',
  'محمود',
  'عباس',
  'سعد',
  'ناصر',
  'فاضل',
  'رحيم',
  'صالح',
  'هادي',
  'عادل',
  'كاظم',
  'ماجد',
  'نوري',
];
let populations = 0;

async function population(): Promise<string[]> {
  const births = ['1960-02-02', '1975-07-07', '1982-11-11', '1965-03-03', '1983-01-01', '1983-06-06'];
  const nins: string[] = [];
  // Each sequence's people are other people than the last's (namesakes born the same day would be
  // possible duplicates at enrolment): a family and a father's name of their own.
  const n = populations++;
  for (const [i, dateOfBirth] of births.entries()) {
    const name = {
      givenName: 'علي',
      fatherName: FATHERS[n % FATHERS.length]!,
      grandfatherName: 'كاظم',
      familyName: FAMILIES[Math.floor(n / FATHERS.length) % FAMILIES.length]!,
    };
    const person = await enrolPerson(h.services, officer, {
      name,
      sex: i < 3 ? 'male' : 'female',
      dateOfBirth,
      placeOfBirth: place,
    });
    nins.push(person._id);
  }
  return nins;
}

const pick = <T>(list: readonly T[], i: number): T | undefined =>
  list.length === 0 ? undefined : list[i % list.length];

async function run(people: string[], ops: Op[]): Promise<string[]> {
  const records: string[] = [];
  const person = (i: number) => must(people[i], `person ${i} of ${people.length}`);
  for (const o of ops) {
    // With TEST_INSTANCES=n each command goes to one of n instances on the database, at random.
    const s = h.instance();
    try {
      if (o.op === 'marry') {
        const body = {
          partyA: { nin: person(o.a) },
          partyB: { nin: person(o.b) },
          dateOfMarriage: o.date,
          placeOfMarriage: place,
          ...(o.court ? { courtReference: 'C/1' } : {}),
        };
        records.push((await declareMarriage(s, { ...officer, office: 'BGD' }, body)).data.recordId);
      } else if (o.op === 'divorce') {
        const marriageId = pick(records, o.r);
        if (marriageId)
          records.push(
            (
              await declareDivorce(
                s,
                { ...officer, office: 'BGD' },
                { marriageId, dateOfDivorce: o.date, courtReference: 'C/2' },
              )
            ).data.recordId,
          );
      } else if (o.op === 'die') {
        const body = {
          deceased: { nin: person(o.p) },
          dateOfDeath: o.date,
          placeOfDeath: place,
          causeOfDeath: { icd10: 'I21.9' },
        };
        records.push((await declareDeath(s, { ...officer, office: 'BGD' }, body)).data.recordId);
      } else {
        const id = pick(records, o.r);
        if (!id) continue;
        if (o.op === 'register') await registerRecord(s, registrar, id);
        if (o.op === 'void') await voidRecord(s, registrar, id, 'property test');
        if (o.op === 'reject') await rejectRecord(s, registrar, id, 'property test');
        if (o.op === 'correct') {
          const record = await s.records.get(id);
          if (!record) continue;
          const field =
            record.kind === 'marriage' ? 'dateOfMarriage' : record.kind === 'divorce' ? 'dateOfDivorce' : 'dateOfDeath';
          await correctRecord(s, { ...registrar, ifMatch: record.version }, id, {
            changes: { [field]: o.date },
            reason: 'property test',
          });
        }
      }
    } catch (err) {
      // A refusal by a rule is a valid outcome; anything else is a bug.
      if (!(err instanceof Problem) || err.status >= 500) throw err;
    }
  }
  return records;
}

/**
 * Annulling a marriage derives what never having registered it derives: each person's status,
 * their status before any date, their marriages and spouses. `annulled`: the marriages annulled.
 */
function expectAnnulmentIsNeverHavingBeen(
  people: readonly string[],
  events: readonly CivilEvent[],
  annulled: string[],
) {
  const annulments: CivilEvent[] = annulled.map((marriageId, i) => ({
    kind: 'annulment',
    id: `n${i}`,
    // Any date: the marriage is void from its start whenever the judgment came.
    date: `20${String(10 + (i % 20)).padStart(2, '0')}-01-01`,
    marriageId,
  }));
  const withAnnulments = [...events, ...annulments];
  const neverRegistered = events.filter((e) => !annulled.includes(e.id));
  const dates = [...new Set(events.map((e) => e.date))];
  for (const nin of people) {
    expect(deriveStatus(nin, withAnnulments)).toEqual(deriveStatus(nin, neverRegistered));
    expect(marriagesOf(nin, withAnnulments)).toEqual(marriagesOf(nin, neverRegistered));
    expect(spousesOf(nin, withAnnulments)).toEqual(spousesOf(nin, neverRegistered));
    for (const d of dates)
      expect(maritalStatusBefore(nin, withAnnulments, d)).toBe(maritalStatusBefore(nin, neverRegistered, d));
  }
}

async function expectInvariants(people: string[], annul: number[]): Promise<void> {
  const s = h.services;
  const all = await s.records.list({ personNins: { $in: people } });
  const events: CivilEvent[] = all.flatMap((r) => civilEventOf(s.kinds, r) ?? []);
  // Annul some of the registered marriages of this history (annulments are not declared through
  // the commands until the kind is wired in: their meaning is checked on the history's events).
  const marriageIds = events.filter((e) => e.kind === 'marriage').map((e) => e.id);
  const annulled = [...new Set(annul.flatMap((i) => pick(marriageIds, i) ?? []))];
  expectAnnulmentIsNeverHavingBeen(people, events, annulled);
  // Each registered marriage says what its parties were before it, as the registered events now tell.
  for (const e of events) {
    if (e.kind !== 'marriage') continue;
    const record = all.find((r) => r._id === e.id);
    expect(record?.derived?.previousMaritalStatus).toEqual({
      partyA: maritalStatusBefore(e.parties[0], events, e.date),
      partyB: maritalStatusBefore(e.parties[1], events, e.date),
    });
  }
  for (const nin of people) {
    const person = await s.persons.get(nin);
    // Derived statuses equal a fresh derivation from the registered events.
    const fresh = deriveStatus(nin, events);
    expect({ status: person?.status, dateOfDeath: person?.dateOfDeath, maritalStatus: person?.maritalStatus }).toEqual({
      dateOfDeath: undefined,
      ...fresh,
    });
    // No registered event about a person dated after their death.
    const death = deathOf(nin, events);
    const marriages = marriagesOf(nin, events);
    if (death) {
      for (const m of marriages) {
        expect(m.marriage.date <= death.date).toBe(true);
        if (m.dissolution?.by === 'divorce') expect(m.dissolution.date <= death.date).toBe(true);
      }
      expect(events.filter((e) => e.kind === 'death' && e.nin === nin)).toHaveLength(1);
    }
    // Two marriages in force at once only as the policy allows: a court's permission for the later one.
    for (const [i, earlier] of marriages.entries()) {
      for (const later of marriages.slice(i + 1)) {
        const overlap = later.marriage.date < (earlier.dissolution?.date ?? '9999-12-31');
        if (overlap) expect(later.marriage.courtReference).toBeDefined();
      }
    }
  }
}

describe('civil status under random sequences', () => {
  it(`keeps its invariants over ${RUNS} sequences, and rebuilds the same`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 4, maxLength: 24 }),
        fc.array(which, { maxLength: 3 }),
        async (ops, annul) => {
          const people = await population();
          await run(people, ops);
          await expectInvariants(people, annul);
        },
      ),
      { numRuns: RUNS },
    );
    const snapshot = async () => ({
      persons: await h.services.persons.list({}),
      records: await h.services.records.list({}),
      counters: await h.services.vitalCounts.list({}),
    });
    const before = await snapshot();
    expect(before.records.filter((r) => r.status === 'registered').length).toBeGreaterThan(RUNS / 4);
    await rebuildProjections(h.services);
    expect(await snapshot()).toEqual(before);
    expect((await verifyJournal(h.services.journal)).problems).toEqual([]);
  }, 600_000);
});

/**
 * Arbitrary histories of events, beyond what the rules let through (overlapping marriages,
 * divorces of ended marriages, events after a death), with annulments of some marriages: annulling
 * a marriage derives the same as never having registered it, for every person and date.
 */
describe('annulments in arbitrary histories', () => {
  const nins = ['p0', 'p1', 'p2', 'p3', 'p4'];
  const anyone = fc.constantFrom(...nins);
  const history = fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant('marriage' as const), a: anyone, b: anyone, date }),
        fc.record({ kind: fc.constant('divorce' as const), m: which, date }),
        fc.record({ kind: fc.constant('death' as const), nin: anyone, date }),
      ),
      { maxLength: 16 },
    )
    .map((draws) => {
      const events: CivilEvent[] = [];
      for (const [i, d] of draws.entries()) {
        const marriageIds = events.filter((e) => e.kind === 'marriage').map((e) => e.id);
        if (d.kind === 'marriage') events.push({ kind: 'marriage', id: `m${i}`, date: d.date, parties: [d.a, d.b] });
        if (d.kind === 'death') events.push({ kind: 'death', id: `x${i}`, date: d.date, nin: d.nin });
        const marriageId = d.kind === 'divorce' ? pick(marriageIds, d.m) : undefined;
        if (marriageId) events.push({ kind: 'divorce', id: `d${i}`, date: d.date, marriageId });
      }
      return events;
    });

  it('annulling a marriage derives the same statuses as never having registered it', () => {
    fc.assert(
      fc.property(history, fc.array(which, { minLength: 1, maxLength: 3 }), (events, annul) => {
        const marriageIds = events.filter((e) => e.kind === 'marriage').map((e) => e.id);
        const annulled = [...new Set(annul.flatMap((i) => pick(marriageIds, i) ?? []))];
        expectAnnulmentIsNeverHavingBeen(nins, events, annulled);
      }),
      { numRuns: RUNS * 5 },
    );
  });
});
