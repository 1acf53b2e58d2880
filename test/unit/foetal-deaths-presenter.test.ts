import { factLines } from '../../src/modules/certificates/labels';
import { FOETAL_DEATH_LABELS, FOETAL_DEATH_TITLE } from '../../src/modules/foetal-deaths/labels';
import { certifiedFoetalDeathFacts, presentFoetalDeathFacts } from '../../src/modules/foetal-deaths/presenter';
import { declareFoetalDeathBody, type FoetalDeathFacts } from '../../src/modules/foetal-deaths/schemas';
import { foetalDeathTally } from '../../src/modules/foetal-deaths/tally';
import { verhoeffDigit } from '../../src/modules/common/nin';
import type { Person } from '../../src/modules/persons/store';
import type { CivilRecord } from '../../src/modules/records/store';

const MOTHER_NIN = `12345678901${verhoeffDigit('12345678901')}`;
const name = { givenName: 'فاطمة', fatherName: 'علي', grandfatherName: 'حسن', familyName: 'الجبوري' };

/** Every field a declaration can hold, each optional one given. */
const everyField: FoetalDeathFacts = {
  mother: { nin: MOTHER_NIN },
  dateOfDelivery: '2026-04-18',
  placeOfDelivery: { governorate: 'IQ-NA', district: 'Kufa', facility: 'Al-Zahraa Teaching Hospital' },
  sex: 'male',
  weightGrams: 1450,
  gestationWeeks: 31,
  causeOfDeath: { icd10: 'P20.9', text: 'Intrauterine hypoxia, unspecified' },
  attendant: 'midwife',
  courtReference: 'NJF-PS-2027/0311',
};

// Only the facts are read; 'foetal-death' joins RecordKind when the lead wires the kind (stage 2).
const recordOf = (data: FoetalDeathFacts) =>
  ({ _id: 'r_x', data, personNins: [] }) as unknown as CivilRecord<FoetalDeathFacts>;
const persons = {
  get: async (nin: string) => (nin === MOTHER_NIN ? ({ _id: nin, name } as Person) : null),
};

describe('foetal death presenter', () => {
  it('given a declaration with every field, when presented, then every field is listed as declared', () => {
    const declared = declareFoetalDeathBody.parse(everyField);
    const presented = presentFoetalDeathFacts(recordOf(declared));
    expect(Object.keys(presented).sort()).toEqual(Object.keys(declareFoetalDeathBody.shape).sort());
    expect(presented).toEqual(everyField);
  });

  it('given a mother by name and no optional field, when presented, then only what was declared', () => {
    const declared: FoetalDeathFacts = {
      mother: { name, dateOfBirth: '1995-04-02' },
      dateOfDelivery: '2026-04-18',
      placeOfDelivery: { governorate: 'IQ-BG' },
      gestationWeeks: 24,
    };
    expect(presentFoetalDeathFacts(recordOf(declared))).toEqual(declared);
  });

  it('given a registered mother, when certified, then she is the subject, named, and no medical data is certified', async () => {
    const certified = await certifiedFoetalDeathFacts({ persons }, recordOf(everyField));
    expect(certified).toEqual({
      subjects: [MOTHER_NIN],
      facts: {
        mother: { nin: MOTHER_NIN, name },
        dateOfDelivery: everyField.dateOfDelivery,
        placeOfDelivery: everyField.placeOfDelivery,
        sex: 'male',
        gestationWeeks: 31,
      },
    });
  });

  it('given a mother by name, when certified, then her name and no subject NIN', async () => {
    const certified = await certifiedFoetalDeathFacts(
      { persons },
      recordOf({ ...everyField, mother: { name, dateOfBirth: '1995-04-02' } }),
    );
    expect(certified.subjects).toEqual([]);
    expect(certified.facts.mother).toEqual({ name });
  });

  it('labels every certified fact, in Arabic and English, on the certificate of stillbirth', async () => {
    const certified = await certifiedFoetalDeathFacts({ persons }, recordOf(everyField));
    const words = { title: FOETAL_DEATH_TITLE, labels: FOETAL_DEATH_LABELS };
    // factLines falls back to the key itself for a key it has no label for.
    const lines = factLines(certified.facts, words);
    const rawKeys = new Set(Object.keys(certified.facts).flatMap((k) => [k, `${k}: nin`]));
    expect(lines.filter((l) => rawKeys.has(l.label.en) || rawKeys.has(l.label.ar))).toEqual([]);
    expect(lines.map((l) => l.label.en)).toEqual([
      // Her name has no Latin form here: the English column prints it in Arabic script, and says so.
      'Mother (in Arabic script: no Latin form on record)',
      'Mother: National ID number',
      'Date of delivery',
      'Place of delivery',
      'Sex',
      'Weeks of gestation',
    ]);
    expect(FOETAL_DEATH_TITLE).toEqual({
      ar: 'شهادة ولادة ميتة',
      ckb: 'بڕوانامەی لەدایکبوونی مردوو',
      en: 'Certificate of stillbirth',
    });
  });

  it('counts a foetal death in the month and governorate of delivery', () => {
    expect(foetalDeathTally(recordOf(everyField))).toEqual({ date: '2026-04-18', governorate: 'IQ-NA' });
  });
});
