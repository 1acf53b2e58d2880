import { Problem } from '../../src/http/problem';
import { BIRTH_RULES } from '../../src/modules/births/rules';
import { checkFoetalDeathFacts } from '../../src/modules/foetal-deaths/commands';
import {
  checkDeliveryDate,
  checkGestation,
  checkMotherAtDelivery,
  FOETAL_DEATH_RULES,
  requireCertificateSubject,
} from '../../src/modules/foetal-deaths/rules';
import { declareFoetalDeathBody, foetalDeathChanges } from '../../src/modules/foetal-deaths/schemas';
import { verhoeffDigit } from '../../src/modules/common/nin';
import type { Person } from '../../src/modules/persons/store';

/** The code of the problem a rule throws, or 'ok'. */
const code = async (fn: () => unknown) => {
  try {
    await fn();
    return 'ok';
  } catch (e) {
    return e instanceof Problem ? `${e.status} ${e.extra.code}` : String(e);
  }
};

const MOTHER_NIN = `12345678901${verhoeffDigit('12345678901')}`;
const mother = (over: Partial<Person> = {}) =>
  ({ _id: MOTHER_NIN, sex: 'female', dateOfBirth: '1995-04-02', status: 'alive', ...over }) as Person;
/** A persons store holding these people, read by NIN as the projection is. */
const personsOf = (...people: Person[]) => ({
  persons: { get: async (nin: string) => people.find((p) => p._id === nin) ?? null },
});
const facts = (over: Partial<{ gestationWeeks: number; dateOfDelivery: string }> = {}) => ({
  mother: { nin: MOTHER_NIN },
  dateOfDelivery: '2026-01-10',
  gestationWeeks: 30,
  ...over,
});

describe('foetal death rules', () => {
  describe('gestation', () => {
    it('given 22 completed weeks, when checked, then it is registered', async () => {
      expect(await code(() => checkGestation(22))).toBe('ok');
    });
    it('given 21 weeks, when checked, then 422 gestation-too-short', async () => {
      expect(await code(() => checkGestation(21))).toBe('422 gestation-too-short');
    });
    it('given a body with 20 weeks, when parsed, then the schema lets the rule answer (422, not 400)', () => {
      const body = {
        mother: { nin: MOTHER_NIN },
        dateOfDelivery: '2026-01-10',
        placeOfDelivery: { governorate: 'IQ-BG' },
      };
      expect(declareFoetalDeathBody.safeParse({ ...body, gestationWeeks: 20 }).success).toBe(true);
      expect(declareFoetalDeathBody.safeParse({ ...body, gestationWeeks: 20.5 }).success).toBe(false);
    });
  });

  describe('date of delivery', () => {
    it('given today, when checked, then accepted; given tomorrow, then 422 date-in-future', async () => {
      expect(await code(() => checkDeliveryDate('2026-11-25', '2026-11-25'))).toBe('ok');
      expect(await code(() => checkDeliveryDate('2026-11-26', '2026-11-25'))).toBe('422 date-in-future');
    });
  });

  describe('the mother at the delivery', () => {
    it('keeps the limits the registry applies to a mother at a birth', () => {
      expect(FOETAL_DEATH_RULES.minMotherAge).toBe(BIRTH_RULES.minMotherAge);
      expect(FOETAL_DEATH_RULES.maxMotherAge).toBe(BIRTH_RULES.maxMotherAge);
    });
    it('given a mother of the minimum and maximum age, when checked, then accepted', async () => {
      const { minMotherAge, maxMotherAge } = FOETAL_DEATH_RULES;
      expect(
        await code(() => checkMotherAtDelivery({ dateOfBirth: `${2026 - minMotherAge}-01-10` }, '2026-01-10')),
      ).toBe('ok');
      expect(
        await code(() => checkMotherAtDelivery({ dateOfBirth: `${2026 - maxMotherAge}-01-10` }, '2026-01-10')),
      ).toBe('ok');
    });
    it('given a mother a day too young or a year too old, when checked, then 422 mother-age-implausible', async () => {
      const young = `${2026 - FOETAL_DEATH_RULES.minMotherAge}-01-11`;
      const old = `${2026 - FOETAL_DEATH_RULES.maxMotherAge - 1}-01-10`;
      expect(await code(() => checkMotherAtDelivery({ dateOfBirth: young }, '2026-01-10'))).toBe(
        '422 mother-age-implausible',
      );
      expect(await code(() => checkMotherAtDelivery({ dateOfBirth: old }, '2026-01-10'))).toBe(
        '422 mother-age-implausible',
      );
    });
    it('given a mother recorded as male, when checked, then 422 mother-not-female', async () => {
      expect(await code(() => checkMotherAtDelivery({ dateOfBirth: '1995-04-02', sex: 'male' }, '2026-01-10'))).toBe(
        '422 mother-not-female',
      );
    });
    it('given a mother who died before the delivery, then 422 mother-deceased; on the day of it, accepted', async () => {
      const died = (dateOfDeath: string) => ({ dateOfBirth: '1995-04-02', status: 'deceased', dateOfDeath });
      expect(await code(() => checkMotherAtDelivery(died('2026-01-09'), '2026-01-10'))).toBe('422 mother-deceased');
      expect(await code(() => checkMotherAtDelivery(died('2026-01-10'), '2026-01-10'))).toBe('ok');
    });
  });

  describe('checkFoetalDeathFacts, against the persons store', () => {
    it('given a registered woman alive at the delivery, when checked, then accepted', async () => {
      expect(await code(() => checkFoetalDeathFacts(personsOf(mother()), facts()))).toBe('ok');
    });
    it('given a NIN nobody has, when checked, then 422 mother-not-found', async () => {
      expect(await code(() => checkFoetalDeathFacts(personsOf(), facts()))).toBe('422 mother-not-found');
    });
    it('given the registered mother as recorded, when checked, then her sex, death and age count', async () => {
      expect(await code(() => checkFoetalDeathFacts(personsOf(mother({ sex: 'male' })), facts()))).toBe(
        '422 mother-not-female',
      );
      const dead = mother({ status: 'deceased', dateOfDeath: '2025-12-01' });
      expect(await code(() => checkFoetalDeathFacts(personsOf(dead), facts()))).toBe('422 mother-deceased');
      expect(await code(() => checkFoetalDeathFacts(personsOf(mother({ dateOfBirth: '2016-01-01' })), facts()))).toBe(
        '422 mother-age-implausible',
      );
    });
    it('given a mother by name, when checked, then her declared date of birth counts and no NIN is looked up', async () => {
      const name = { givenName: 'فاطمة', fatherName: 'علي', grandfatherName: 'حسن' };
      const byName = (dateOfBirth: string) => ({ ...facts(), mother: { name, dateOfBirth } });
      expect(await code(() => checkFoetalDeathFacts(personsOf(), byName('1995-04-02')))).toBe('ok');
      expect(await code(() => checkFoetalDeathFacts(personsOf(), byName('2020-01-01')))).toBe(
        '422 mother-age-implausible',
      );
    });
    it('given too short a gestation or a delivery in the future, when checked, then refused', async () => {
      expect(await code(() => checkFoetalDeathFacts(personsOf(mother()), facts({ gestationWeeks: 21 })))).toBe(
        '422 gestation-too-short',
      );
      expect(
        await code(() => checkFoetalDeathFacts(personsOf(mother()), facts({ dateOfDelivery: '2999-01-01' }))),
      ).toBe('422 date-in-future');
    });
  });

  describe('corrections', () => {
    it('given changes naming another mother, when parsed, then refused; other facts may change', () => {
      expect(foetalDeathChanges.safeParse({ mother: { nin: MOTHER_NIN } }).success).toBe(false);
      expect(foetalDeathChanges.safeParse({ gestationWeeks: 32, sex: 'female' }).success).toBe(true);
    });
  });

  describe('the subject of a certificate of stillbirth', () => {
    it('given a mother by NIN, when a certificate is asked for, then she is its subject', () => {
      expect(requireCertificateSubject({ nin: MOTHER_NIN })).toBe(MOTHER_NIN);
    });

    it('given a mother by name only, when a certificate is asked for, then 422 mother-not-registered', async () => {
      const byName = { name: { givenName: 'فاطمة' } };
      expect(await code(() => requireCertificateSubject(byName))).toBe('422 mother-not-registered');
    });
  });
});
