import { correctionPolicy, IRAQ_CORRECTIONS } from '../../src/modules/civil-status/law';
import { births } from '../../src/modules/births/contract';
import { deaths } from '../../src/modules/deaths/contract';
import { requireEvidence } from '../../src/modules/records/evidence';
import { evidenceNeeded, groupsOf } from '../../src/modules/records/rules';

const birthGroups = births.correctionGroups!;
const changed = (...paths: string[]) => paths.map((path) => ({ path, before: 'a', after: 'b' }));

describe('field groups', () => {
  it('puts a path in the group of a path at or above it, a whole section in every group within it', () => {
    expect(groupsOf('child.givenName', birthGroups)).toEqual(['names']);
    expect(groupsOf('child.latin', birthGroups)).toEqual(['latin']);
    expect(groupsOf('causeOfDeath', deaths.correctionGroups!)).toEqual(['cause']);
    expect(groupsOf('child', birthGroups).sort()).toEqual(['dates', 'details', 'latin', 'names', 'place', 'sex']);
    expect(groupsOf('informant', birthGroups)).toEqual(['other']);
  });
});

describe("Iraq's correction policy", () => {
  const birth = IRAQ_CORRECTIONS.birth!;
  const death = IRAQ_CORRECTIONS.death!;

  it("asks a court order for a birth's names, dates, sex and parents, and a death's dates and cause", () => {
    for (const path of ['child.givenName', 'child.dateOfBirth', 'child.sex', 'mother'])
      expect({ path, ...evidenceNeeded(changed(path), birthGroups, birth) }).toMatchObject({
        path,
        level: 'court-order',
      });
    for (const path of ['dateOfDeath', 'causeOfDeath.icd10', 'mannerOfDeath'])
      expect({ path, ...evidenceNeeded(changed(path), deaths.correctionGroups!, death) }).toMatchObject({
        path,
        level: 'court-order',
      });
  });

  it('asks a reason for the rest, and names the groups that ask the most', () => {
    expect(evidenceNeeded(changed('child.latin', 'child.placeOfBirth'), birthGroups, birth)).toEqual({
      level: 'reason',
      groups: ['latin', 'place'],
    });
    expect(evidenceNeeded(changed('child.latin', 'child.sex', 'child.familyName'), birthGroups, birth)).toEqual({
      level: 'court-order',
      groups: ['names', 'sex'],
    });
    expect(evidenceNeeded(changed('certifier.name'), deaths.correctionGroups!, death).level).toBe('reason');
    // A kind the policy does not name: a reason, as before.
    expect(evidenceNeeded(changed('dateOfMarriage'), {}, {}).level).toBe('reason');
  });

  it('lets a group be corrected on nothing more than the request (none)', () => {
    expect(evidenceNeeded(changed('child.latin'), birthGroups, { latin: 'none' }).level).toBe('none');
  });
});

describe('requireEvidence', () => {
  const record = (status: 'declared' | 'registered', documents = [{ id: 'd_1', type: 'court-order' }]) => ({
    status,
    kind: 'birth',
    documents: documents.map((d) => ({
      ...d,
      contentType: 'application/pdf',
      size: 1,
      sha256: 'x',
      uploadedAt: 'now',
      uploadedBy: 'u',
    })),
  });
  const order = { court: 'Karkh Civil Status Court', reference: 'K/1', date: '2026-04-02' };
  const code = (f: () => void) => {
    try {
      f();
      return 'ok';
    } catch (err) {
      return (err as { extra: { code: string } }).extra.code;
    }
  };
  const names = changed('child.givenName');

  it('needs a court order on a registered record, not on a declared one', () => {
    expect(
      code(() => requireEvidence(record('registered'), names, birthGroups, IRAQ_CORRECTIONS.birth!, undefined)),
    ).toBe('evidence-required');
    expect(
      code(() => requireEvidence(record('declared'), names, birthGroups, IRAQ_CORRECTIONS.birth!, undefined)),
    ).toBe('ok');
    const evidence = { courtOrder: order, documentIds: ['d_1'] };
    expect(
      code(() => requireEvidence(record('registered'), names, birthGroups, IRAQ_CORRECTIONS.birth!, evidence)),
    ).toBe('ok');
  });

  it('holds the evidence to a court-order document of the record, and a date not in the future', () => {
    const notified = record('registered', [{ id: 'd_1', type: 'hospital-notification' }]);
    expect(
      code(() => requireEvidence(notified, names, birthGroups, {}, { courtOrder: order, documentIds: ['d_1'] })),
    ).toBe('evidence-not-court-order');
    expect(
      code(() =>
        requireEvidence(record('declared'), names, birthGroups, {}, { courtOrder: order, documentIds: ['d_2'] }),
      ),
    ).toBe('evidence-not-court-order');
    expect(
      code(() =>
        requireEvidence(
          record('registered'),
          names,
          birthGroups,
          {},
          {
            courtOrder: { ...order, date: '2999-12-31' },
            documentIds: ['d_1'],
          },
        ),
      ),
    ).toBe('court-order-date');
  });
});

describe('CORRECTION_EVIDENCE', () => {
  it("lays the overrides over Iraq's defaults", () => {
    expect(correctionPolicy(undefined)).toBe(IRAQ_CORRECTIONS);
    const p = correctionPolicy('{"birth":{"names":"reason"},"marriage":{"parties":"court-order"}}');
    expect(p.birth).toEqual({ ...IRAQ_CORRECTIONS.birth, names: 'reason' });
    expect(p.marriage).toEqual({ parties: 'court-order' });
    expect(p.death).toEqual(IRAQ_CORRECTIONS.death);
  });

  it('refuses what is not JSON of kinds, groups and levels, saying what it takes', () => {
    expect(() => correctionPolicy('names=reason')).toThrow(/must be JSON/);
    expect(() => correctionPolicy('{"birth":{"names":"judge"}}')).toThrow(/none, reason, court-order/);
    expect(() => correctionPolicy('{"birth":"reason"}')).toThrow(/maps each kind/);
  });
});
