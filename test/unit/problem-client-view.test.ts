import { badRequest, conflict, shownToClients, unprocessable } from '../../src/http/problem';
import { checkedAgainstRegistry, REGISTRY_MISMATCH } from '../../src/modules/civil-status/client-view';
import { checkNotAlreadyDead, requireParty } from '../../src/modules/civil-status/rules';

const refusal = async (check: () => unknown) => {
  try {
    await check();
  } catch (err) {
    return err as ReturnType<typeof unprocessable>;
  }
  throw new Error('nothing was refused');
};

describe('a problem as a sectoral client sees it', () => {
  it('any rule violation, even one written later, keeps its code and status but not its detail', () => {
    const later = conflict('Party A married on 2001-02-03 (record r_abcdefgh)', 'some-future-rule').forClient();
    expect(later.toJSON()).toMatchObject({ status: 409, title: 'Conflict', code: 'some-future-rule' });
    expect(later.message).not.toMatch(/2001|r_abc/);
    expect(unprocessable('The mother is recorded as male', 'mother-not-female').forClient().message).not.toMatch(
      /recorded|male/,
    );
  });

  it('a problem about the request itself, or one marked as quoting only the request, goes as it is', () => {
    const invalid = badRequest('The request body is not valid: body.nin: required', [
      { path: 'body.nin', message: 'required' },
    ]);
    expect(invalid.forClient()).toBe(invalid);
    const own = shownToClients(unprocessable('The date of death (2999-01-01) is in the future', 'date-in-future'));
    expect(own.forClient().toJSON()).toEqual(own.toJSON());
  });

  it('converting twice changes nothing (an idempotent replay stores the converted answer)', () => {
    const once = conflict('record r_abcdefgh, 2015-03-10', 'already-deceased').forClient();
    expect(once.forClient()).toBe(once);
  });

  it('checks against the registry answer a client alike for an unknown NIN and any rule about the person; staff keep the rule', async () => {
    const world = {
      persons: new Map(),
      events: [{ kind: 'death' as const, id: 'r_deadbeef', date: '2015-03-10', nin: '100000000004' }],
    };
    const unknown = await refusal(() =>
      checkedAgainstRegistry(async () => requireParty(world, '123456789012', 'the deceased')),
    );
    const dead = await refusal(() => checkedAgainstRegistry(async () => checkNotAlreadyDead(world, '100000000004')));
    expect([unknown.extra.code, dead.extra.code]).toEqual(['person-not-found', 'already-deceased']);
    expect(dead.message).toContain('r_deadbeef');
    for (const p of [unknown, dead]) {
      expect(p.forClient().toJSON()).toMatchObject({
        status: REGISTRY_MISMATCH.status,
        code: REGISTRY_MISMATCH.code,
        detail: REGISTRY_MISMATCH.detail,
      });
    }
    const own = shownToClients(unprocessable('in the future', 'date-in-future'));
    expect(await refusal(() => checkedAgainstRegistry(() => Promise.reject(own)))).toBe(own);
  });
});
