import { loadOrCreateKey } from '../../src/modules/auth/signing-key';
import { TokenService } from '../../src/modules/auth/tokens';

describe('verified access tokens', () => {
  it('are answered from memory until they expire, and refused from then on', async () => {
    const tokens = new TokenService(await loadOrCreateKey('access-token', undefined), 'civil-registry', 900);
    const token = tokens.issueAccess({ id: 'u_1', role: 'officer', office: 'BGD' }, 1);
    expect(tokens.verify(token)).toMatchObject({ id: 'u_1', role: 'officer' });
    expect(tokens.verify(token)).toMatchObject({ id: 'u_1' }); // from memory
    await new Promise((r) => setTimeout(r, 1100));
    expect(tokens.verify(token)).toBeUndefined();
    // A token changed by one character is verified afresh, and refused.
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(tokens.verify(forged)).toBeUndefined();
  });
});
