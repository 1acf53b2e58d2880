import fs from 'node:fs';
import path from 'node:path';
import { KINDS } from '../../src/record-kinds';

/**
 * The layers, checked from the list of kinds (so a new kind is covered without editing a rule):
 * a kind's folder imports records/ and shared modules, never another kind; records/ imports no
 * kind and no listener of record changes. (ESLint checks that db/, journal/, http/, lib/ and
 * modules/common import no domain module.)
 */
const SRC = path.join(__dirname, '../../src');
const MODULES = path.join(SRC, 'modules');
/** A kind's folder is named as its collection in the API: /v1/foetal-deaths -> modules/foetal-deaths. */
const kindFolders = KINDS.map((k) => k.declaration.path.split('/').pop()!);
const LISTENERS = [
  'civil-status',
  'statistics',
  'feed',
  'subscriptions',
  'certificates',
  'notifications',
  'workqueues',
];

function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? filesIn(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

/** The modules a file imports (the folder under src/modules/ of each relative import). */
function modulesImportedBy(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs
    .map((s) => path.relative(MODULES, path.resolve(path.dirname(file), s)))
    .filter((rel) => !rel.startsWith('..'))
    .map((rel) => rel.split(path.sep)[0]!);
}

describe('the layers', () => {
  it('finds every kind folder', () => {
    for (const folder of kindFolders) expect(fs.existsSync(path.join(MODULES, folder, 'contract.ts'))).toBe(true);
  });

  it.each(kindFolders)('%s imports no other kind', (folder) => {
    for (const file of filesIn(path.join(MODULES, folder))) {
      const others = modulesImportedBy(file).filter((m) => m !== folder && kindFolders.includes(m));
      expect({ file: path.relative(SRC, file), others }).toEqual({ file: path.relative(SRC, file), others: [] });
    }
  });

  it('records/ imports no kind and no listener of record changes', () => {
    for (const file of filesIn(path.join(MODULES, 'records'))) {
      const wrong = modulesImportedBy(file).filter((m) => kindFolders.includes(m) || LISTENERS.includes(m));
      expect({ file: path.relative(SRC, file), wrong }).toEqual({ file: path.relative(SRC, file), wrong: [] });
    }
  });

  it('would see a kind importing another (the check can fail)', () => {
    const probe = path.join(MODULES, kindFolders[0]!, '__probe.ts');
    fs.writeFileSync(probe, `import { x } from '../${kindFolders[1]!}/contract';\n`);
    try {
      expect(modulesImportedBy(probe)).toEqual([kindFolders[1]]);
    } finally {
      fs.unlinkSync(probe);
    }
  });
});
