import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, InputError, RastroError } from '../../../core/index.js';
import { addSource, listSourceFiles, loadSourcesFile, removeSource, setSourceEnabled } from '../../../sources/config/index.js';

const GOOD = `# Demo sources (comment kept by edits)
defaults:
  pollMinutes: 60
sources:
  # a national paper
  - id: diario-valle
    url: https://diario.example/rss.xml
    kind: rss
    lang: es
    country: co
  - id: local-feed
    url: feeds/demo.xml   # relative to this file
    kind: rss
    pollMinutes: 15
  - id: avisos
    url: ./notices/
    kind: notice
    notices: true
  - id: sucesos
    url: https://noticias.example/sucesos/
    kind: listing
    selectors: { items: li.story, link: h2 a }
    enabled: false
`;

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rastro-sources-'));
  file = join(dir, 'sources.yaml');
  await writeFile(file, GOOD);
  await mkdir(join(dir, 'notices', 'sub'), { recursive: true });
  await writeFile(join(dir, 'notices', 'b.html'), '<p>b</p>');
  await writeFile(join(dir, 'notices', 'a.txt'), 'a');
  await writeFile(join(dir, 'notices', '.hidden'), 'x');
  await writeFile(join(dir, 'notices', 'sub', 'c.json'), '{}');
});

async function configError(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigError);
  return (err as ConfigError).message;
}

describe('loadSourcesFile', () => {
  it('loads sources with defaults, upper-cased countries, resolved relative paths and folder detection', async () => {
    const { sources } = await loadSourcesFile(file);
    expect(sources).toEqual([
      { id: 'diario-valle', url: 'https://diario.example/rss.xml', declaredUrl: 'https://diario.example/rss.xml', kind: 'rss', lang: 'es', country: 'CO', pollMinutes: 60, enabled: true },
      { id: 'local-feed', url: pathToFileURL(join(dir, 'feeds/demo.xml')).href, declaredUrl: 'feeds/demo.xml', kind: 'rss', pollMinutes: 15, enabled: true },
      { id: 'avisos', url: `${pathToFileURL(join(dir, 'notices')).href}/`, declaredUrl: './notices/', kind: 'notice', notices: true, pollMinutes: 60, enabled: true, isFolder: true },
      {
        id: 'sucesos',
        url: 'https://noticias.example/sucesos/',
        declaredUrl: 'https://noticias.example/sucesos/',
        kind: 'listing',
        selectors: { items: 'li.story', link: 'h2 a' },
        pollMinutes: 60,
        enabled: false,
      },
    ]);
  });

  it('lists the files of a folder source, sorted, skipping hidden files, one level deep', async () => {
    const { sources } = await loadSourcesFile(file);
    const files = await listSourceFiles(sources[2]!.url);
    expect(files.map((f) => f.slice(pathToFileURL(dir).href.length))).toEqual(['/notices/a.txt', '/notices/b.html', '/notices/sub/c.json']);
  });

  it('names file, line, path and reason for an unknown kind', async () => {
    await writeFile(file, GOOD.replace('kind: rss\n    pollMinutes: 15', 'kind: rsss\n    pollMinutes: 15'));
    const msg = await configError(loadSourcesFile(file));
    expect(msg).toContain(`${file}:13: sources[1].kind:`);
    expect(msg).toMatch(/rss/);
  });

  it.each([
    ['a duplicate id', (t: string) => t.replace('id: local-feed', 'id: diario-valle'), /sources\[1\]\.id: duplicate id "diario-valle"/],
    ['a listing without selectors', (t: string) => t.replace('    selectors: { items: li.story, link: h2 a }\n', ''), /sources\[3\]\.selectors: a listing source needs selectors/],
    ['a misspelt key', (t: string) => t.replace('pollMinutes: 15', 'pollMinute: 15'), /sources\[1\].*pollMinute/],
    ['a bad country', (t: string) => t.replace('country: co', 'country: Colombia'), /sources\[0\]\.country: use an ISO 3166-1/],
    ['a YAML syntax error', (t: string) => t.replace('kind: notice', 'kind: [notice'), /YAML syntax error/],
    ['a top level that is not a list', () => 'sources: 3\n', /sources\.yaml:1: sources/],
  ])('rejects %s with a clear message', async (_name, edit, pattern) => {
    await writeFile(file, edit(GOOD));
    expect(await configError(loadSourcesFile(file))).toMatch(pattern);
  });

  it('reports a missing file as ConfigError naming it', async () => {
    expect(await configError(loadSourcesFile(join(dir, 'nope.yaml')))).toContain('nope.yaml');
  });

  it('accepts a bare list of sources', async () => {
    await writeFile(file, '- id: one\n  url: https://a.example/feed\n  kind: atom\n');
    const { sources } = await loadSourcesFile(file);
    expect(sources.map((s) => s.id)).toEqual(['one']);
  });
});

describe('addSource / removeSource / setSourceEnabled', () => {
  it('appends a source keeping every comment, and the result loads', async () => {
    await addSource(file, { id: 'nuevo', url: 'https://nuevo.example/feed.json', kind: 'jsonfeed', lang: 'pt', country: 'br' });
    const text = await readFile(file, 'utf8');
    expect(text).toContain('# Demo sources (comment kept by edits)');
    expect(text).toContain('# a national paper');
    expect(text).toContain('# relative to this file');
    const { sources } = await loadSourcesFile(file);
    expect(sources.at(-1)).toMatchObject({ id: 'nuevo', kind: 'jsonfeed', country: 'BR', lang: 'pt' });
  });

  it('rewrites a local path given relative to the caller so the loader finds the same file', async () => {
    await addSource(file, { id: 'local2', url: 'data/x.xml', kind: 'rss' }, { cwd: join(dir, 'notices') });
    const { sources } = await loadSourcesFile(file);
    expect(sources.at(-1)!.url).toBe(pathToFileURL(join(dir, 'notices', 'data', 'x.xml')).href);
  });

  it('refuses a taken id and an invalid entry with InputError, leaving the file unchanged', async () => {
    const before = await readFile(file, 'utf8');
    for (const bad of [
      () => addSource(file, { id: 'diario-valle', url: 'https://x.example/', kind: 'rss' }),
      () => addSource(file, { id: 'bad id!', url: 'https://x.example/', kind: 'rss' }),
      () => addSource(file, { id: 'x', url: 'https://x.example/', kind: 'listing' }),
    ]) {
      const err = await bad().then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
    }
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('removes a source by id and keeps the others and their comments', async () => {
    await removeSource(file, 'local-feed');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('local-feed');
    expect(text).toContain('# a national paper');
    expect((await loadSourcesFile(file)).sources.map((s) => s.id)).toEqual(['diario-valle', 'avisos', 'sucesos']);
    const err = await removeSource(file, 'local-feed').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RastroError);
    expect((err as RastroError).code).toBe('source_unknown');
  });

  it('enables and disables a source', async () => {
    await setSourceEnabled(file, 'sucesos', true);
    await setSourceEnabled(file, 'diario-valle', false);
    const { sources } = await loadSourcesFile(file);
    expect(sources.map((s) => [s.id, s.enabled])).toEqual([['diario-valle', false], ['local-feed', true], ['avisos', true], ['sucesos', true]]);
  });

  it('creates the file when it does not exist yet', async () => {
    const fresh = join(dir, 'fresh.yaml');
    await addSource(fresh, { id: 'first', url: 'https://a.example/rss', kind: 'rss' });
    expect((await loadSourcesFile(fresh)).sources.map((s) => s.id)).toEqual(['first']);
  });
});
