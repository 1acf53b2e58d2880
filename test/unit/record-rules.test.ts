import { births } from '../../src/modules/births/contract';
import { deaths } from '../../src/modules/deaths/contract';
import { Problem } from '../../src/http/problem';
import {
  TRANSITIONS,
  fieldChanges,
  formatRegistrationNumber,
  requireFourEyes,
  requireTransition,
  requireVersion,
  type RecordAction,
  type RecordStatus,
} from '../../src/modules/records/rules';

const outcome = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof Problem ? `${e.status} ${e.extra.code}` : String(e);
  }
};

describe('the record lifecycle', () => {
  const statuses: RecordStatus[] = ['declared', 'registered', 'rejected', 'voided'];
  const actions: RecordAction[] = ['register', 'reject', 'correct', 'void'];

  it('allows exactly the transitions of the status machine, and refuses every other with 409', () => {
    const table = Object.fromEntries(
      actions.map((a) => [a, statuses.filter((s) => outcome(() => requireTransition(s, a)) === 'ok')]),
    );
    expect(table).toEqual({
      register: ['declared'],
      reject: ['declared'],
      correct: ['declared', 'registered'],
      void: ['registered'],
    });
    expect(outcome(() => requireTransition('voided', 'correct'))).toBe('409 invalid-status');
    expect(TRANSITIONS.void).toEqual(['registered']);
  });

  it('refuses registration by the declarer (four eyes)', () => {
    expect(outcome(() => requireFourEyes('u_a', 'u_a'))).toBe('403 forbidden');
    expect(outcome(() => requireFourEyes('u_a', 'u_b'))).toBe('ok');
  });

  it('refuses a stale version with 412', () => {
    expect(outcome(() => requireVersion(3, 2))).toBe('412 stale-version');
    expect(outcome(() => requireVersion(3, 3))).toBe('ok');
  });

  it('lists field-level changes one level down, additions and removals included', () => {
    const before = { child: { givenName: 'زينب', sex: 'female' }, mother: { nin: '1' } };
    const after = { child: { givenName: 'مريم', sex: 'female', familyName: 'الجبوري' }, mother: { nin: '1' } };
    expect(fieldChanges(before, after)).toEqual([
      { path: 'child.givenName', before: 'زينب', after: 'مريم' },
      { path: 'child.familyName', before: null, after: 'الجبوري' },
    ]);
    expect(fieldChanges(before, before)).toEqual([]);
    expect(fieldChanges({ a: { x: 1 } }, {})).toEqual([{ path: 'a', before: { x: 1 }, after: null }]);
  });

  it('formats registration numbers per office, year and kind', () => {
    expect(formatRegistrationNumber('BGD', 2026, deaths.letter, 42)).toBe('BGD-2026-X-000042');
    expect(formatRegistrationNumber('ERB', 2027, births.letter, 1)).toBe('ERB-2027-B-000001');
  });
});
