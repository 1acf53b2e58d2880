import { chapterOf, isIcd10Code } from '../../src/modules/statistics/icd10';
import { cell, protectSums, published } from '../../src/modules/statistics/suppression';
import { counterChanges } from '../../src/modules/statistics/tally';
import { factsBefore, fieldChanges } from '../../src/modules/records/rules';
import { monthsBetween } from '../../src/modules/statistics/service';

describe('ICD-10', () => {
  it('takes codes of the right form in a chapter', () => {
    expect(chapterOf('I21.9')).toBe('IX');
    expect(chapterOf('A00')).toBe('I');
    expect(chapterOf('D48.7')).toBe('II');
    expect(chapterOf('D50')).toBe('III');
    expect(chapterOf('U07.1')).toBe('XXII');
    expect(chapterOf('V01')).toBe('XX');
    expect(isIcd10Code('D49')).toBe(false);
    expect(isIcd10Code('I21-9')).toBe(false);
    expect(isIcd10Code('i21.9')).toBe(false);
    expect(isIcd10Code('U99')).toBe(false);
  });
});

describe('small-cell suppression', () => {
  it('withholds 1 to 4, shows 0 and 5', () => {
    expect([0, 1, 4, 5].map((n) => published(cell(n)))).toEqual([0, null, null, 5]);
  });

  it('withholds the next smallest cell where a published sum would give a withheld one back', () => {
    const [female, male, total] = [cell(3), cell(9), cell(12)];
    protectSums([{ members: [female, male], total }]);
    expect([female, male, total].map(published)).toEqual([null, null, 12]);
  });

  it('leaves a sum alone when two cells are withheld already, or the total itself is', () => {
    const a = [cell(3), cell(2), cell(9)];
    protectSums([{ members: a, total: cell(14) }]);
    expect(a.map(published)).toEqual([null, null, 9]);
    const b = [cell(3), cell(0)];
    protectSums([{ members: b, total: cell(3) }]);
    expect(b.map(published)).toEqual([null, 0]);
  });

  it('cascades across sums that share cells', () => {
    // Row sums and a column sum: withholding in the row makes the column need one more.
    const r1 = [cell(3), cell(7)];
    const r2 = [cell(8), cell(20)];
    protectSums([
      { members: r1, total: cell(10) },
      { members: r2, total: cell(28) },
      { members: [r1[1], r2[1]], total: cell(27) },
      { members: [r1[0], r2[0]], total: cell(11) },
    ]);
    expect(r1.map(published)).toEqual([null, null]);
    expect(r2.map(published)).toEqual([null, null]);
  });
});

describe('counter changes', () => {
  it('adds and removes tallies per month and governorate, and drops what cancels out', () => {
    const t = (date: string, governorate: string, counters: string[]) => ({ date, governorate, counters });
    const changes = counterChanges([t('2026-03-14', 'IQ-BG', ['births.female'])], [t('2026-03-01', 'IQ-BG', ['births.male'])]);
    expect(Object.fromEntries(changes)).toEqual({ '2026-03|IQ-BG': { 'births.female': 1, 'births.male': -1 } });
    const none = counterChanges([t('2026-03-14', 'IQ-BG', ['marriages'])], [t('2026-03-20', 'IQ-BG', ['marriages'])]);
    expect(none.size).toBe(0);
  });

  it('months between two months, both included', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('facts before a correction', () => {
  it('inverts fieldChanges', () => {
    const before = { dateOfDeath: '2026-01-01', causeOfDeath: { icd10: 'I21.9' }, placeOfDeath: { governorate: 'IQ-BG' } };
    const after = {
      dateOfDeath: '2026-01-02',
      causeOfDeath: { icd10: 'J18.9', text: 'Pneumonia' },
      placeOfDeath: { governorate: 'IQ-BG' },
      mannerOfDeath: 'disease',
    };
    expect(factsBefore(after, fieldChanges(before, after))).toEqual(before);
  });
});
