import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('has defaults for everything optional', () => {
    const cfg = loadConfig({});
    expect(cfg.PORT).toBe(3000);
    expect(cfg.DB_ENGINE).toBe('auto');
  });

  it('names every wrong variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DB_ENGINE: 'oracle', MONGODB_URI: 'postgres://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DB_ENGINE: 'oracle', MONGODB_URI: 'postgres://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DB_ENGINE/);
      expect((e as Error).message).toMatch(/MONGODB_URI/);
    }
  });

  it('wants the bootstrap admin username and password together, and a long password', () => {
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_USERNAME: 'admin' })).toThrow(/go together/);
    expect(() => loadConfig({ BOOTSTRAP_ADMIN_USERNAME: 'admin', BOOTSTRAP_ADMIN_PASSWORD: 'short' })).toThrow(
      /BOOTSTRAP_ADMIN_PASSWORD/,
    );
  });
});
