/**
 * Scores people's roles and the masking of victims' names on a people-and-roles set (`samples/roles/*.jsonl`,
 * `samples/check/roles.jsonl`; format in `samples/roles/README.md`).
 *
 *   npx tsx scripts/score-roles.ts samples/roles/dev-*.jsonl [--json] [--errors] [--victims-only]
 *
 * Each text goes through the extractor and then through the same redaction a stored lead gets (`redactVictims`: by
 * default victims' names and those of people whose role the text does not establish are masked; `--victims-only`
 * masks victims alone, the policy with RASTRO_MASK_UNKNOWN_ROLES=false). Every place the text names a labelled person is one mention: the gold
 * mention strings found as whole words, longest first (a shorter string inside a longer one's place is the same
 * mention). Figures:
 * - victim mentions hidden: a victim's mention whose letters are all masked in the stored text (the privacy
 *   figure); victims fully hidden: victims none of whose mentions shows a letter;
 * - other people readable: a suspect's, official's or other person's mention with no letter masked (they should
 *   stay readable for the reviewer), overall and per gold role;
 * - role of a mention: the role of the person entity that overlaps it (`none` when no person entity does, `unknown`
 *   when it has no role; for the accuracy `unknown` counts as `other`); accuracy over all mentions and per gold
 *   role, and the person-entity recall.
 */
import { readFileSync } from 'node:fs';
import { createExtractor, redactVictims, REDACTION_CHAR } from '../extractors/index.js';
import { loadLexicons } from '../lexicons/index.js';

type Role = 'victim' | 'suspect' | 'official' | 'other';
interface Person { role: Role; mentions: string[] }
interface Doc { id: string; lang: string; text: string; people: Person[] }
interface Mention { person: number; role: Role; start: number; end: number; text: string }

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const asJson = args.includes('--json');
const showErrors = args.includes('--errors');
// The default policy masks victims and people of unknown role; --victims-only scores the narrower policy.
const unknownRoles = !args.includes('--victims-only');
if (files.length === 0) {
  console.error('usage: npx tsx scripts/score-roles.ts FILE.jsonl... [--json] [--errors] [--victims-only]');
  process.exit(2);
}

const docs: Doc[] = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc),
);

const LETTER = /\p{L}/u;
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Every place a labelled person is named: whole-word occurrences of the mention strings, longest first. */
export function goldMentions(doc: Doc): Mention[] {
  const all = doc.people.flatMap((p, person) => p.mentions.map((m) => ({ person, role: p.role, m })));
  all.sort((a, b) => b.m.length - a.m.length);
  const out: Mention[] = [];
  for (const { person, role, m } of all) {
    for (let i = doc.text.indexOf(m); i !== -1; i = doc.text.indexOf(m, i + 1)) {
      const end = i + m.length;
      if (isWordChar(doc.text[i - 1]) || isWordChar(doc.text[end])) continue;
      if (out.some((o) => o.start < end && i < o.end)) continue;
      out.push({ person, role, start: i, end, text: m });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const extract = createExtractor({ lexicons: loadLexicons() });

interface Tally { n: number; ok: number }
const tally = (): Tally => ({ n: 0, ok: 0 });
const add = (t: Tally, ok: boolean) => {
  t.n++;
  if (ok) t.ok++;
};
const groups = ['all', 'es', 'pt', 'en'] as const;
const T = Object.fromEntries(
  groups.map((g) => [
    g,
    {
      victimMentionsHidden: tally(),
      victimsFullyHidden: tally(),
      othersReadable: tally(),
      roleAccuracy: tally(),
      personRecall: tally(),
      byRole: { victim: tally(), suspect: tally(), official: tally(), other: tally() } as Record<Role, Tally>,
      readable: { victim: tally(), suspect: tally(), official: tally(), other: tally() } as Record<Role, Tally>,
      maskedOutsideNames: 0,
    },
  ]),
);
const confusion: Record<string, number> = {};
const errors: string[] = [];

for (const doc of docs) {
  const x = extract({ text: doc.text, lang: doc.lang });
  const stored = redactVictims(doc.text, x, [], unknownRoles).text;
  const mentions = goldMentions(doc);
  const persons = x.entities.filter((e) => e.type === 'person');
  const hiddenPeople = new Map<number, boolean>();
  for (const g of ['all', doc.lang] as const) {
    const t = T[g];
    if (!t) continue;
    for (const m of mentions) {
      const letters = [...Array(m.end - m.start).keys()].map((k) => m.start + k).filter((k) => LETTER.test(doc.text[k]!));
      const masked = letters.filter((k) => stored[k] === REDACTION_CHAR).length;
      if (m.role === 'victim') {
        add(t.victimMentionsHidden, masked === letters.length);
        if (g === 'all') hiddenPeople.set(m.person, (hiddenPeople.get(m.person) ?? true) && masked === letters.length);
      } else {
        add(t.othersReadable, masked === 0);
        add(t.readable[m.role], masked === 0);
      }
      const ent = persons.find((e) => e.start < m.end && m.start < e.end);
      const pred = ent ? (ent.role ?? 'unknown') : 'none';
      // A person with no role the text establishes is read as 'other' for the accuracy (what version 2 stored).
      const right = pred === m.role || (pred === 'unknown' && m.role === 'other');
      add(t.personRecall, ent !== undefined);
      add(t.roleAccuracy, right);
      add(t.byRole[m.role], right);
      if (g === 'all') {
        confusion[`${m.role}->${pred}`] = (confusion[`${m.role}->${pred}`] ?? 0) + 1;
        if (!right || (m.role === 'victim') !== (masked > 0))
          errors.push(
            `${doc.id}\t${m.text}\tgold ${m.role}\tpred ${pred}\tmasked ${masked}/${letters.length}\t…${doc.text.slice(Math.max(0, m.start - 90), m.start).replace(/\s+/g, ' ')}[[${m.text}]]${doc.text.slice(m.end, m.end + 70).replace(/\s+/g, ' ')}…`,
          );
      }
    }
    for (let k = 0; k < stored.length; k++)
      if (stored[k] === REDACTION_CHAR && !mentions.some((m) => m.start <= k && k < m.end)) t.maskedOutsideNames++;
  }
  for (const hidden of hiddenPeople.values()) {
    add(T.all!.victimsFullyHidden, hidden);
    add(T[doc.lang]!.victimsFullyHidden, hidden);
  }
}

const rate = (t: Tally) => (t.n ? t.ok / t.n : null);
const fmt = (t: Tally) => (t.n ? `${(t.ok / t.n).toFixed(3)} (${t.ok}/${t.n})` : '-');
if (showErrors) for (const e of errors) console.log(e);
if (asJson) {
  const out = Object.fromEntries(
    groups.map((g) => {
      const t = T[g]!;
      return [
        g,
        {
          victim_mentions_hidden: rate(t.victimMentionsHidden),
          victims_fully_hidden: rate(t.victimsFullyHidden),
          others_readable: rate(t.othersReadable),
          ...Object.fromEntries((['suspect', 'official', 'other'] as const).map((r) => [`readable_${r}`, rate(t.readable[r])])),
          role_accuracy: rate(t.roleAccuracy),
          person_recall: rate(t.personRecall),
          ...Object.fromEntries(Object.entries(t.byRole).map(([r, v]) => [`role_${r}`, rate(v)])),
          masked_chars_outside_names: t.maskedOutsideNames,
        },
      ];
    }),
  );
  console.log(JSON.stringify(out));
} else {
  console.log(`${docs.length} texts from ${files.join(', ')}`);
  const rows: Array<[string, (g: (typeof T)[string]) => string]> = [
    ['victim mentions hidden', (t) => fmt(t.victimMentionsHidden)],
    ['victims fully hidden', (t) => fmt(t.victimsFullyHidden)],
    ['other people readable', (t) => fmt(t.othersReadable)],
    ['  suspects', (t) => fmt(t.readable.suspect)],
    ['  officials', (t) => fmt(t.readable.official)],
    ['  others', (t) => fmt(t.readable.other)],
    ['role accuracy (mentions)', (t) => fmt(t.roleAccuracy)],
    ['  victim', (t) => fmt(t.byRole.victim)],
    ['  suspect', (t) => fmt(t.byRole.suspect)],
    ['  official', (t) => fmt(t.byRole.official)],
    ['  other', (t) => fmt(t.byRole.other)],
    ['person entity recall', (t) => fmt(t.personRecall)],
    ['masked chars outside names', (t) => String(t.maskedOutsideNames)],
  ];
  console.log(['measure'.padEnd(28), ...groups.map((g) => g.padEnd(20))].join(''));
  for (const [name, f] of rows) console.log([name.padEnd(28), ...groups.map((g) => f(T[g]!).padEnd(20))].join(''));
  console.log(
    'gold->predicted: ' +
      Object.entries(confusion)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );
}
