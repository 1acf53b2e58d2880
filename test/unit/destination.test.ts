import type { LookupAddress } from 'node:dns';
import {
  guardedLookup,
  isPrivateAddress,
  refusedDestination,
  refusedUrl,
  type Resolver,
} from '../../src/modules/subscriptions/destination';

describe('webhook destinations', () => {
  it('tells private, loopback and link-local addresses from public ones', () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.8',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '224.0.0.1',
    ]) {
      expect({ ip, private: isPrivateAddress(ip) }).toEqual({ ip, private: true });
    }
    for (const ip of [
      '8.8.8.8',
      '172.32.0.1',
      '192.169.0.1',
      '100.128.0.1',
      '2001:4860:4860::8888',
      '::ffff:8.8.8.8',
    ]) {
      expect({ ip, private: isPrivateAddress(ip) }).toEqual({ ip, private: false });
    }
  });

  it('sees through the IPv6 forms of IPv4 addresses and refuses every range that is not public unicast', () => {
    for (const ip of [
      '::ffff:7f00:1', // ::ffff:127.0.0.1 as Node's URL parser writes it
      '::ffff:a9fe:a9fe', // ::ffff:169.254.169.254
      '::FFFF:127.0.0.1',
      '::7f00:1', // IPv4-compatible ::127.0.0.1
      '::a9fe:a9fe',
      '::ffff:0:7f00:1', // IPv4-translated (RFC 6145)
      '64:ff9b::7f00:1', // NAT64 (RFC 6052)
      '64:ff9b::a9fe:a9fe',
      '64:ff9b:1::1', // local-use NAT64 (RFC 8215)
      '2002:7f00:1::1', // 6to4 of 127.0.0.1
      '2002:0808:0808::1', // 6to4 reaches IPv4 too, whichever address it embeds
      '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
      'fec0::1', // site-local (deprecated, still routed by some stacks)
      '::',
      'ff02::1', // multicast
      '100::1', // discard-only
      '2001:db8::1', // documentation
      '255.255.255.255',
      '192.0.2.1', // TEST-NET-1
      '198.18.0.1', // benchmarking
      '240.0.0.1', // reserved
      'not an address',
    ]) {
      expect({ ip, private: isPrivateAddress(ip) }).toEqual({ ip, private: true });
    }
    for (const ip of ['1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:82b::200e']) {
      expect({ ip, private: isPrivateAddress(ip) }).toEqual({ ip, private: false });
    }
  });

  it('asks for https unless plain http or private receivers are allowed', () => {
    const strict = { allowPrivate: false, allowHttp: false };
    expect(refusedUrl('http://8.8.8.8/hook', strict)).toMatch(/https only/);
    expect(refusedUrl('ftp://8.8.8.8/hook', { ...strict, allowHttp: true })).toMatch(/https only/);
    expect(refusedUrl('https://8.8.8.8/hook', strict)).toBeUndefined();
    expect(refusedUrl('http://8.8.8.8/hook', { ...strict, allowHttp: true })).toBeUndefined();
    expect(refusedUrl('http://127.0.0.1/hook', { allowPrivate: true, allowHttp: false })).toBeUndefined();
    // An address written in the URL is judged there (no lookup happens for it when connecting).
    expect(refusedUrl('https://[::ffff:127.0.0.1]/', strict)).toMatch(/private or loopback/);
    expect(refusedUrl('https://hook.example/', strict)).toBeUndefined();
  });

  it('refuses a name when any address it resolves to is private', async () => {
    const answers: Record<string, string[]> = {
      'public.example': ['8.8.8.8'],
      'mixed.example': ['8.8.8.8', '::ffff:7f00:1'],
      'none.example': [],
    };
    const resolve: Resolver = (host) => {
      const found = answers[host];
      return found
        ? Promise.resolve(found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })))
        : Promise.reject(new Error('ENOTFOUND'));
    };
    const policy = { allowPrivate: false, allowHttp: false, resolve };
    expect(await refusedDestination('https://public.example/hook', policy)).toBeUndefined();
    expect(await refusedDestination('https://mixed.example/hook', policy)).toMatch(/::ffff:7f00:1/);
    expect(await refusedDestination('https://none.example/hook', policy)).toMatch(/does not resolve/);
    expect(await refusedDestination('https://nowhere.example/hook', policy)).toMatch(/does not resolve/);
  });

  it('checks at connection time the addresses it hands the socket, so a rebound name connects nowhere', async () => {
    let answer = '8.8.8.8';
    const lookup = guardedLookup({
      allowPrivate: false,
      allowHttp: false,
      resolve: () => Promise.resolve([{ address: answer, family: 4 }]),
    });
    const call = (options: { all?: boolean; family?: number }) =>
      new Promise<{ err: NodeJS.ErrnoException | null; address: string | LookupAddress[] }>((resolve) =>
        lookup('hook.example', options, (err, address) => resolve({ err, address })),
      );
    expect(await call({ all: true })).toEqual({ err: null, address: [{ address: '8.8.8.8', family: 4 }] });
    expect(await call({})).toEqual({ err: null, address: '8.8.8.8' });
    answer = '127.0.0.1'; // the name now points inside
    const refused = await call({ all: true });
    expect(refused.err?.message).toMatch(/private or loopback address \(127\.0\.0\.1\)/);
    expect(refused.err?.code).toBe('EDESTINATIONREFUSED');
    expect((await call({ family: 6 })).err).not.toBeNull();
  });
});
