import { describe, expect, it } from 'vitest';
import { bodyOf, checkValues, emptyValues } from '../src/lib/declaration';
import { causeTextWithoutCode, DEATH, DIVORCE, FOETAL_DEATH, MARRIAGE } from '../src/lib/declarations';

const NIN = '123456789010';
const TODAY = '2026-05-10';

describe('the declaration forms', () => {
  it('asks for what is required, and nothing else, on an empty form', () => {
    expect(checkValues(MARRIAGE.fields, emptyValues(MARRIAGE.fields), TODAY)).toEqual({
      'partyA.nin': 'required',
      'partyB.nin': 'required',
      dateOfMarriage: 'required',
      'placeOfMarriage.governorate': 'required',
    });
    expect(Object.keys(checkValues(DIVORCE.fields, emptyValues(DIVORCE.fields), TODAY))).toEqual([
      'marriageId',
      'dateOfDivorce',
      'courtReference',
    ]);
  });

  it('checks NINs, dates not after today, ICD-10 codes, whole numbers in range and court references', () => {
    const v = {
      ...emptyValues(FOETAL_DEATH.fields),
      'mother.nin': '123456789011',
      dateOfDelivery: '2026-05-11',
      'placeOfDelivery.governorate': 'IQ-NA',
      gestationWeeks: '20',
      weightGrams: '1.5',
      'causeOfDeath.icd10': 'P9',
    };
    expect(checkValues(FOETAL_DEATH.fields, v, TODAY)).toEqual({
      'mother.nin': 'ninCheck',
      dateOfDelivery: 'future',
      gestationWeeks: 'range',
      weightGrams: 'integer',
      'causeOfDeath.icd10': 'icd10',
    });
    const court = { ...emptyValues(DIVORCE.fields), courtReference: 'BGD<2026>' };
    expect(checkValues(DIVORCE.fields, court, TODAY).courtReference).toBe('court');
  });

  it('builds the body at each field’s path, in Latin digits, leaving out what is empty', () => {
    const v = {
      ...emptyValues(DEATH.fields),
      'deceased.nin': '١٢٣٤٥٦٧٨٩٠١٠',
      dateOfDeath: '2026-05-02',
      'placeOfDeath.governorate': 'IQ-BA',
      'causeOfDeath.icd10': 'i21.9',
    };
    expect(checkValues(DEATH.fields, v, TODAY)).toEqual({});
    expect(bodyOf(DEATH.fields, v)).toEqual({
      deceased: { nin: NIN },
      dateOfDeath: '2026-05-02',
      placeOfDeath: { governorate: 'IQ-BA' },
      causeOfDeath: { icd10: 'I21.9' },
    });
    const foetal = { ...emptyValues(FOETAL_DEATH.fields), gestationWeeks: '٣١', weightGrams: '1450' };
    expect(bodyOf(FOETAL_DEATH.fields, foetal)).toEqual({ gestationWeeks: 31, weightGrams: 1450 });
  });

  it('wants the code of a cause given in words', () => {
    expect(causeTextWithoutCode({ 'causeOfDeath.text': 'Heart attack', 'causeOfDeath.icd10': '' })).toBe(true);
    expect(causeTextWithoutCode({ 'causeOfDeath.text': 'Heart attack', 'causeOfDeath.icd10': 'I21.9' })).toBe(false);
  });
});
