import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every relative link in README.md and docs/*.md reaches a file that exists and, with a #anchor
 * into a Markdown file, a heading of it: text moved between pages keeps its links working.
 */
const ROOT = path.join(__dirname, '..', '..');
const pages = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The lines outside fenced code blocks, inline code removed: what GitHub renders as Markdown. */
function prose(text: string): string[] {
  let fenced = false;
  return text.split('\n').flatMap((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [line.replace(/`[^`]*`/g, '')];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2, … */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = fenced ? undefined : /^#{1,6} (.*)$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

function links(page: string): string[] {
  return prose(readFileSync(path.join(ROOT, page), 'utf8')).flatMap((line) =>
    [...line.matchAll(/\]\(([^)\s]+)\)/g)].flatMap((m) => (m[1] === undefined ? [] : [m[1]])),
  );
}

describe('links between README.md and docs/', () => {
  it('slugs headings as GitHub does', () => {
    expect([
      ...anchors('# Sectoral systems\n## Hospital notifications (`notifications:write`)\n## Notes\n## Notes'),
    ]).toEqual(['sectoral-systems', 'hospital-notifications-notificationswrite', 'notes', 'notes-1']);
  });

  it.each(pages)('%s: every relative link reaches an existing file and heading', (page) => {
    const broken: string[] = [];
    for (const link of links(page)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:: not ours to check
      const [file = '', anchor] = link.split('#', 2);
      const target = file === '' ? path.join(ROOT, page) : path.resolve(path.dirname(path.join(ROOT, page)), file);
      if (!existsSync(target)) broken.push(`${link}: no such file`);
      else if (
        anchor !== undefined &&
        statSync(target).isFile() &&
        target.endsWith('.md') &&
        !anchors(readFileSync(target, 'utf8')).has(anchor)
      )
        broken.push(`${link}: no such heading`);
    }
    expect(broken).toEqual([]);
  });
});
