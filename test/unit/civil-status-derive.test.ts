import {
  annulmentOf,
  deriveStatus,
  marriageState,
  marriagesOf,
  maritalStatusBefore,
  spousesOf,
  type CivilEvent,
} from '../../src/modules/civil-status/derive';

const m1: CivilEvent = { kind: 'marriage', id: 'm1', date: '2015-05-05', parties: ['ali', 'huda'] };
const m2: CivilEvent = { kind: 'marriage', id: 'm2', date: '2021-01-01', parties: ['ali', 'sara'] };
const d1: CivilEvent = { kind: 'divorce', id: 'd1', date: '2018-01-01', marriageId: 'm1' };
const hudaDies: CivilEvent = { kind: 'death', id: 'x1', date: '2019-01-01', nin: 'huda' };
const aliDies: CivilEvent = { kind: 'death', id: 'x2', date: '2023-01-01', nin: 'ali' };

describe('civil status derived from events', () => {
  it('single with no events; married; divorced; widowed', () => {
    expect(deriveStatus('ali', [])).toEqual({ status: 'alive', maritalStatus: 'single' });
    expect(deriveStatus('ali', [m1])).toEqual({ status: 'alive', maritalStatus: 'married' });
    expect(deriveStatus('huda', [m1, d1])).toEqual({ status: 'alive', maritalStatus: 'divorced' });
    expect(deriveStatus('ali', [m1, hudaDies])).toEqual({ status: 'alive', maritalStatus: 'widowed' });
    expect(deriveStatus('huda', [m1, hudaDies])).toEqual({
      status: 'deceased',
      dateOfDeath: '2019-01-01',
      maritalStatus: 'married',
    });
  });

  it('the latest ending decides: widowed, then married again, then dead', () => {
    expect(deriveStatus('ali', [m1, hudaDies, m2])).toMatchObject({ maritalStatus: 'married' });
    expect(deriveStatus('sara', [m1, hudaDies, m2, aliDies])).toMatchObject({
      status: 'alive',
      maritalStatus: 'widowed',
    });
    expect(deriveStatus('ali', [m1, d1, m2, aliDies])).toMatchObject({ status: 'deceased', maritalStatus: 'married' });
  });

  it('order of the list does not matter, dates do', () => {
    expect(deriveStatus('ali', [aliDies, m2, d1, m1])).toEqual(deriveStatus('ali', [m1, d1, m2, aliDies]));
  });

  it('a marriage ends by its earliest divorce or death of a party', () => {
    expect(marriageState(m1, [m1, hudaDies, d1]).dissolution).toEqual({
      by: 'divorce',
      recordId: 'd1',
      date: '2018-01-01',
    });
    expect(marriageState(m1, [m1, hudaDies]).dissolution).toEqual({
      by: 'death',
      recordId: 'x1',
      date: '2019-01-01',
      nin: 'huda',
    });
  });

  it('previous marital status: from the events before the date', () => {
    expect(maritalStatusBefore('ali', [m1, hudaDies], '2021-01-01')).toBe('widowed');
    expect(maritalStatusBefore('sara', [m1, hudaDies], '2021-01-01')).toBe('single');
  });

  describe('an annulled marriage never was', () => {
    const annulM1: CivilEvent = { kind: 'annulment', id: 'n1', date: '2024-06-01', marriageId: 'm1' };

    it('its parties are single again, unless another event says otherwise', () => {
      expect(deriveStatus('huda', [m1, annulM1])).toEqual({ status: 'alive', maritalStatus: 'single' });
      expect(deriveStatus('ali', [m1, annulM1, m2])).toMatchObject({ maritalStatus: 'married' });
      expect(
        deriveStatus('ali', [m1, m2, { kind: 'divorce', id: 'd2', date: '2022-01-01', marriageId: 'm2' }, annulM1]),
      ).toMatchObject({ maritalStatus: 'divorced' });
    });

    it('a divorce of it ends nothing, a death during it widows no one', () => {
      expect(deriveStatus('huda', [m1, d1, annulM1])).toMatchObject({ maritalStatus: 'single' });
      expect(deriveStatus('ali', [m1, hudaDies, annulM1])).toEqual({ status: 'alive', maritalStatus: 'single' });
      // The dead party's life status stands; only the marriage goes.
      expect(deriveStatus('huda', [m1, hudaDies, annulM1])).toEqual({
        status: 'deceased',
        dateOfDeath: '2019-01-01',
        maritalStatus: 'single',
      });
      // Widowed by another marriage still.
      const m0: CivilEvent = { kind: 'marriage', id: 'm0', date: '2010-01-01', parties: ['sara', 'omar'] };
      const omarDies: CivilEvent = { kind: 'death', id: 'x3', date: '2012-01-01', nin: 'omar' };
      expect(deriveStatus('sara', [m0, omarDies, m2, { ...annulM1, marriageId: 'm2' }])).toMatchObject({
        maritalStatus: 'widowed',
      });
    });

    it('its standing: annulled, with no dissolution; the earliest judgment if two', () => {
      expect(marriageState(m1, [m1, d1, hudaDies, annulM1])).toEqual({
        marriage: m1,
        annulment: { recordId: 'n1', date: '2024-06-01' },
      });
      const earlier: CivilEvent = { kind: 'annulment', id: 'n0', date: '2020-01-01', marriageId: 'm1' };
      expect(annulmentOf('m1', [annulM1, earlier])?.id).toBe('n0');
      expect(annulmentOf('m2', [annulM1, earlier])).toBeUndefined();
    });

    it('it is no marriage of the parties, and makes no spouses', () => {
      expect(marriagesOf('ali', [m1, m2, annulM1]).map((s) => s.marriage.id)).toEqual(['m2']);
      expect(spousesOf('ali', [m1, m2, annulM1])).toEqual(['sara']);
      expect(spousesOf('huda', [m1, annulM1])).toEqual([]);
    });

    it('it reaches back to the start: the status before a date ignores it whatever the judgment date', () => {
      expect(maritalStatusBefore('ali', [m1, annulM1], '2021-01-01')).toBe('single');
      expect(maritalStatusBefore('ali', [m1, hudaDies, annulM1], '2021-01-01')).toBe('single');
      expect(maritalStatusBefore('ali', [m1, hudaDies], '2021-01-01')).toBe('widowed');
    });

    it('an annulment naming no marriage among the events changes nothing', () => {
      const stray: CivilEvent = { kind: 'annulment', id: 'n9', date: '2024-06-01', marriageId: 'm9' };
      expect(deriveStatus('ali', [m1, stray])).toEqual(deriveStatus('ali', [m1]));
    });
  });
});
