#!/usr/bin/env node
// Checks a people-and-roles set (samples/roles/*.jsonl, samples/check/roles*.jsonl): format, roles, every mention
// written in the text exactly, no mention string shared by two people of one text, unique ids. Prints counts.
import { readFileSync } from 'node:fs';

const ROLES = new Set(['victim', 'suspect', 'official', 'other']);
const LANGS = new Set(['es', 'pt', 'en']);
let bad = 0;
const fail = (where, msg) => { bad++; console.error(`${where}: ${msg}`); };
for (const file of process.argv.slice(2)) {
  const ids = new Set();
  const counts = { docs: 0, people: 0, mentions: 0 };
  const byRole = {};
  const byLang = {};
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let d;
    try { d = JSON.parse(line); } catch (e) { return fail(where, `not JSON: ${e.message}`); }
    if (typeof d.id !== 'string' || ids.has(d.id)) fail(where, `missing or repeated id ${d.id}`);
    ids.add(d.id);
    if (!LANGS.has(d.lang)) fail(where, `lang must be es, pt or en`);
    if (typeof d.text !== 'string' || d.text.length < 80) fail(where, 'text missing or shorter than 80 characters');
    if (!Array.isArray(d.people)) return fail(where, 'people must be an array');
    counts.docs++;
    byLang[d.lang] = (byLang[d.lang] ?? 0) + 1;
    const owner = new Map();
    d.people.forEach((p, k) => {
      if (!ROLES.has(p.role)) fail(where, `people[${k}].role must be one of ${[...ROLES].join(', ')}`);
      if (!Array.isArray(p.mentions) || p.mentions.length === 0) return fail(where, `people[${k}].mentions must be a non-empty array`);
      counts.people++;
      byRole[p.role] = (byRole[p.role] ?? 0) + 1;
      for (const m of p.mentions) {
        counts.mentions++;
        if (typeof m !== 'string' || !m.trim()) { fail(where, `people[${k}]: empty mention`); continue; }
        if (!d.text.includes(m)) fail(where, `people[${k}]: mention "${m}" is not in the text`);
        if (owner.has(m) && owner.get(m) !== k) fail(where, `mention "${m}" belongs to two people`);
        owner.set(m, k);
      }
    });
  });
  console.log(`${file}: ${counts.docs} texts (${JSON.stringify(byLang)}), ${counts.people} people (${JSON.stringify(byRole)}), ${counts.mentions} mention strings`);
}
if (bad) { console.error(`${bad} problem(s)`); process.exit(1); }
