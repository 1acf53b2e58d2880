import { ExpiringCache } from '../../src/lib/expiring-cache';

describe('ExpiringCache', () => {
  it('answers a value until it expires, then forgets it', () => {
    const cache = new ExpiringCache<string>();
    cache.set('a', 'alpha', Date.now() + 60_000);
    cache.set('b', 'beta', Date.now() - 1);
    expect(cache.get('a')).toBe('alpha');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('drops the entry stored longest ago when full', () => {
    const cache = new ExpiringCache<number>(2);
    const later = Date.now() + 60_000;
    cache.set('one', 1, later);
    cache.set('two', 2, later);
    cache.set('one', 11, later); // stored again: now the newest
    cache.set('three', 3, later);
    expect([cache.get('one'), cache.get('two'), cache.get('three')]).toEqual([11, undefined, 3]);
  });

  it('loads once within the time to keep, a null answer included, and never keeps with a time of 0', async () => {
    const cache = new ExpiringCache<string | null>();
    let loads = 0;
    const load = async () => {
      loads++;
      return null;
    };
    await cache.getOrLoad('x', 60_000, load);
    expect(await cache.getOrLoad('x', 60_000, load)).toBeNull();
    expect(loads).toBe(1);
    await cache.getOrLoad('y', 0, load);
    await cache.getOrLoad('y', 0, load);
    expect(loads).toBe(3);
  });
});
