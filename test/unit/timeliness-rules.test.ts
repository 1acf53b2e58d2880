import { CIVIL_STATUS_LAW, lawFromConfig } from '../../src/modules/civil-status/law';
import { recordTimeliness, timelinessOf } from '../../src/modules/civil-status/timeliness';
import type { TimelinessFacts } from '../../src/modules/records/contract';
import { courtReferenceOf, requireCourtOrder, timelinessFlags } from '../../src/modules/records/rules';
import type { CivilRecord } from '../../src/modules/records/store';

/** The date `days` after `date` (YYYY-MM-DD). */
const plus = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const birth = (eventDate: string, inHealthFacility: boolean): TimelinessFacts => ({
  deadline: 'birth',
  eventDate,
  inHealthFacility,
});
const on = (facts: TimelinessFacts, day: number) => timelinessOf(facts, plus(facts.eventDate, day), CIVIL_STATUS_LAW);

describe('the timeliness of a declaration under Iraq’s law', () => {
  it('gives an event in a health facility 15 days: day 15 is on time, day 16 late', () => {
    const hospital = birth('2026-01-10', true);
    expect([0, 1, 14, 15, 16, 17].map((d) => on(hospital, d))).toEqual([
      'on-time',
      'on-time',
      'on-time',
      'on-time',
      'late',
      'late',
    ]);
  });

  it('gives an event at home 30 days: day 30 is on time, day 31 late', () => {
    const home = birth('2026-01-10', false);
    expect([16, 30, 31].map((d) => on(home, d))).toEqual(['on-time', 'on-time', 'late']);
  });

  it('gives deaths the same deadlines as births', () => {
    const death = (inHealthFacility: boolean): TimelinessFacts => ({
      deadline: 'death',
      eventDate: '2026-02-01',
      inHealthFacility,
    });
    expect([15, 16].map((d) => on(death(true), d))).toEqual(['on-time', 'late']);
    expect([30, 31].map((d) => on(death(false), d))).toEqual(['on-time', 'late']);
  });

  it('is delayed more than a year after the event: day 365 of a common year is late, day 366 delayed', () => {
    const event = birth('2025-03-10', false);
    expect(plus('2025-03-10', 365)).toBe('2026-03-10'); // the anniversary
    expect([364, 365, 366, 400].map((d) => on(event, d))).toEqual(['late', 'late', 'delayed', 'delayed']);
  });

  it('reckons the year by the calendar across a 29 February: day 366 is the anniversary (late), day 367 delayed', () => {
    const event = birth('2024-01-10', true);
    expect(plus('2024-01-10', 366)).toBe('2025-01-10');
    expect([365, 366, 367].map((d) => on(event, d))).toEqual(['late', 'late', 'delayed']);
  });

  it('ends the year after a 29 February on 1 March, when the next year has none', () => {
    const leapDay = birth('2024-02-29', true);
    const at = (date: string) => timelinessOf(leapDay, date, CIVIL_STATUS_LAW);
    expect([at('2025-02-28'), at('2025-03-01'), at('2025-03-02')]).toEqual(['late', 'late', 'delayed']);
    expect(at('2024-03-15')).toBe('on-time');
  });

  it('takes its deadlines from the environment', () => {
    const law = lawFromConfig({
      FURTHER_MARRIAGE_FEMALE: 'never',
      FURTHER_MARRIAGE_MALE: 'always',
      REGISTRATION_DAYS_HEALTH_FACILITY: 7,
      REGISTRATION_DAYS_ELSEWHERE: 60,
      DELAYED_REGISTRATION_AFTER_YEARS: 2,
    });
    const at = (facts: TimelinessFacts, day: number) => timelinessOf(facts, plus(facts.eventDate, day), law);
    expect([7, 8].map((d) => at(birth('2026-01-10', true), d))).toEqual(['on-time', 'late']);
    expect([60, 61].map((d) => at(birth('2026-01-10', false), d))).toEqual(['on-time', 'late']);
    expect([400, 731, 732].map((d) => at(birth('2023-01-10', false), d))).toEqual(['late', 'late', 'delayed']);
  });
});

describe('a record’s timeliness, flags and registration', () => {
  const record = (kind: string, declaredAt: string, data: object) =>
    ({ _id: 'r_x', kind, declaredAt, data }) as unknown as CivilRecord;
  const kinds = {
    of: (kind: string) =>
      ({
        work:
          kind === 'birth'
            ? { timeliness: (r: CivilRecord<{ on: string }>) => birth(r.data.on, true) }
            : { summary: () => undefined },
      }) as never,
  };
  const timeliness = recordTimeliness(CIVIL_STATUS_LAW, kinds);

  it('reckons from the date of the declaration, and none for a kind without a deadline', () => {
    expect(timeliness(record('birth', '2026-01-25T23:59:00.000Z', { on: '2026-01-10' }))).toBe('on-time');
    expect(timeliness(record('birth', '2026-01-26T00:01:00.000Z', { on: '2026-01-10' }))).toBe('late');
    expect(timeliness(record('marriage', '2030-01-01T00:00:00.000Z', { on: '2026-01-10' }))).toBeUndefined();
  });

  it('flags late, delayed, and a delayed one without a court reference as evidence-required', () => {
    expect(timelinessFlags('on-time', undefined)).toEqual([]);
    expect(timelinessFlags(undefined, undefined)).toEqual([]);
    expect(timelinessFlags('late', undefined)).toEqual(['late']);
    expect(timelinessFlags('delayed', undefined)).toEqual(['delayed', 'evidence-required']);
    expect(timelinessFlags('delayed', 'BGD-PS-2026/77')).toEqual(['delayed']);
  });

  it('refuses to register a delayed record without a court reference, and only that', () => {
    expect(() => requireCourtOrder({ timeliness: 'delayed', data: {} })).toThrow(
      expect.objectContaining({ status: 422, extra: { code: 'court-order-required' } }),
    );
    expect(() => requireCourtOrder({ timeliness: 'delayed', data: { courtReference: '' } })).toThrow();
    expect(() => requireCourtOrder({ timeliness: 'delayed', data: { courtReference: 'BGD/1' } })).not.toThrow();
    expect(() => requireCourtOrder({ timeliness: 'late', data: {} })).not.toThrow();
    expect(() => requireCourtOrder({ data: {} })).not.toThrow();
    expect(courtReferenceOf({ courtReference: 7 })).toBeUndefined();
  });
});
