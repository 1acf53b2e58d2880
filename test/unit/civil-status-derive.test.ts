import {
  deriveStatus,
  marriageState,
  maritalStatusBefore,
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
});
