import { readFileSync } from 'node:fs';
import { CONFIG_DOCS, configDocs } from '../../scripts/config-docs';
import { configDescriptions } from '../../src/config';

describe('docs/configuration.md', () => {
  it('is what `npm run docs:config` writes from src/config.ts (run it after changing a variable)', () => {
    expect(readFileSync(CONFIG_DOCS, 'utf8')).toBe(configDocs());
  });

  it('lists every variable with its default as written in config.ts, not as this machine resolves it', () => {
    const doc = configDocs();
    for (const name of Object.keys(configDescriptions)) expect(doc).toContain(`| \`${name}\` |`);
    expect(doc).toContain('| `PORT` | TCP port the HTTP server listens on | `3000` |');
    expect(doc).toMatch(/^\| `DATA_DIR` \| .* \| `\.\/data` \|$/m);
    expect(doc).toMatch(/^\| `ENGINE_CACHE_DIR` \| .* \| `~\/\.cache\/civil-registry` \|$/m);
    expect(doc).toMatch(/^\| `MONGODB_URI` \| .* \| \(unset\) \|$/m);
  });
});
