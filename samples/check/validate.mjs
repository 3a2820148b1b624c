// Validates samples/check/news.jsonl (or news-2.jsonl, ids chk2-...): JSON per line, scorer fields, vocabularies, places present in the text,
// unique ids. Usage: node samples/check/validate.mjs [path]. Exit 1 on any error; prints counts per language/label.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
const root = new URL('../../', import.meta.url);
const path = process.argv[2] ?? new URL('samples/check/news.jsonl', root).pathname;

const typesSrc = readFileSync(new URL('core/types.ts', root), 'utf8');
const block = typesSrc.match(/EXPLOITATION_TYPES = \[([\s\S]*?)\]/);
if (!block) throw new Error('validate: EXPLOITATION_TYPES not found in core/types.ts');
const TYPES = new Set([...block[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1]));
const LABELS = new Set(['incident', 'awareness', 'negative']);
const LANGS = new Set(['es', 'pt', 'en']);
const iso = (c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c) && countries.isValid(c);

const errors = [];
const warnings = [];
const seen = new Set();
const counts = {};
const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
lines.forEach((line, i) => {
  const where = `line ${i + 1}`;
  let c;
  try {
    c = JSON.parse(line);
  } catch (e) {
    errors.push(`${where}: not JSON (${e.message})`);
    return;
  }
  const err = (m) => errors.push(`${where} ${c.id ?? ''}: ${m}`);
  if (typeof c.id !== 'string' || !/^chk2?-(es|pt|en)-\d{3}$/.test(c.id)) err('bad id');
  if (seen.has(c.id)) err('duplicate id');
  seen.add(c.id);
  if (!LANGS.has(c.lang) || !new RegExp(`^chk2?-${c.lang}-`).test(c.id ?? '')) err(`lang ${c.lang} does not match id`);
  if (!LABELS.has(c.label)) err(`label ${c.label}`);
  if (typeof c.text !== 'string' || c.text.length < 60) err('text missing or too short');
  if (!Array.isArray(c.types) || c.types.some((t) => !TYPES.has(t))) err(`types ${JSON.stringify(c.types)}`);
  else if (c.label === 'incident' && c.types.length === 0) err('incident without types');
  else if (c.label !== 'incident' && c.types.length > 0) err('types on a non-incident');
  if (c.types?.includes('unspecified') && c.types.length > 1) err('unspecified with other types');
  if (!Array.isArray(c.countries) || !c.countries.every(iso)) err(`countries ${JSON.stringify(c.countries)}`);
  if (new Set(c.countries).size !== c.countries?.length) err('duplicate countries');
  if (c.label === 'incident') {
    if (!iso(c.event_country)) err(`event_country ${c.event_country}`);
    else if (!c.countries.includes(c.event_country)) err('event_country not in countries');
  } else if (c.event_country !== null) err('event_country must be null for non-incidents');
  const v = c.victims;
  if (!v || typeof v !== 'object') err('victims missing');
  else {
    if (!(v.count === null || (Number.isInteger(v.count) && v.count > 0))) err(`victims.count ${v.count}`);
    if (!(v.minors === null || typeof v.minors === 'boolean')) err(`victims.minors ${v.minors}`);
    if (!Array.isArray(v.nationalities) || !v.nationalities.every(iso)) err('victims.nationalities');
    else if (v.nationalities.some((n) => !c.countries.includes(n))) warnings.push(`${c.id}: nationality not in countries`);
    if (c.label !== 'incident' && (v.count !== null || v.minors !== null || v.nationalities.length)) {
      err('victims must be empty for non-incidents');
    }
  }
  if (!Array.isArray(c.places)) err('places missing');
  else for (const p of c.places) if (typeof p !== 'string' || !c.text.includes(p)) err(`place not in text: ${p}`);
  const k = `${c.lang}/${c.label}`;
  counts[k] = (counts[k] ?? 0) + 1;
});
for (const w of warnings) console.error(`warning: ${w}`);
for (const e of errors) console.error(`error: ${e}`);
console.log(JSON.stringify({ lines: lines.length, errors: errors.length, warnings: warnings.length, counts }));
process.exit(errors.length ? 1 : 0);
