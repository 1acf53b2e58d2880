import { EVENT_ROLES, FEED_TYPES } from '../../src/events';
import { policyTable } from '../../src/http/policy';
import { checkKinds, KINDS, RECORD_SCHEMAS } from '../../src/record-kinds';
import { registrationNumberPattern } from '../../src/modules/records/rules';

// The registry builds everything from the list of kinds: these are the parts it derives.
describe('the registry of record kinds', () => {
  it('gives each kind one capital letter of its own, and refuses a list where two share one', () => {
    expect(KINDS.map((k) => k.letter)).toEqual(['B', 'X', 'M', 'D', 'F', 'N']);
    const [birth, , marriage] = KINDS;
    expect(() => checkKinds([birth, { ...marriage, letter: 'B' }])).toThrow('two record kinds share letter:B');
    expect(() => checkKinds([{ ...birth, letter: 'b' }])).toThrow('not one capital letter');
    expect(() => checkKinds([birth, { ...marriage, events: birth.events }])).toThrow('event:birth.declared');
  });

  it("enters each kind's declaration rule in the policy table", () => {
    const table = policyTable();
    for (const k of KINDS) expect(table.get(k.declaration.permission)).toEqual(k.declaration.roles);
  });

  it("catalogues each kind's events with their roles, and feeds its registrations", () => {
    for (const k of KINDS) {
      for (const [type, role] of Object.entries(k.events)) expect(EVENT_ROLES).toHaveProperty([type], role);
      for (const type of k.feed) expect(FEED_TYPES).toContain(type);
    }
    expect(FEED_TYPES.slice(-2)).toEqual(['record.corrected', 'record.voided']);
  });

  it('accepts registration numbers of the kinds’ letters only', () => {
    const pattern = registrationNumberPattern(KINDS.map((k) => k.letter));
    expect(pattern.test('BGD-2026-X-000042')).toBe(true);
    expect(pattern.test('BGD-2026-Q-000042')).toBe(false);
    expect(RECORD_SCHEMAS.kind.safeParse('death').success).toBe(true);
    expect(RECORD_SCHEMAS.kind.safeParse('adoption').success).toBe(false);
  });
});
