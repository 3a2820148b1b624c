/**
 * Converts the Second HAREM golden collection (CDSegundoHAREMclassico.xml, ISO-8859-1, inline <EM>)
 * into a CoNLL IO file (token TAB PESSOA|LOCAL|ORGANIZACAO|O) that score-ner.mjs reads. The pt model
 * trains on four fifths of it: for a clean dev set use `scripts/train-ner.ts --write-dev2` instead.
 * Writes outside the repository:
 *   npx tsx bench/ner-harem2-conll.ts [--in ../shared/data/ner-pt-harem/CDSegundoHAREMclassico.xml] [--out /tmp/harem2.conll]
 * Read with extractors/entities/harem-xml.ts, as training does: the first alternative of each <ALT>
 * and the first category of "A|B" are kept; <OMITIDO> passages are dropped; sentences end at . ! ?
 * tokens and at paragraph ends.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readHaremXml } from '../extractors/entities/index.js';

const here = dirname(new URL(import.meta.url).pathname);
const { values } = parseArgs({
  options: {
    in: { type: 'string', default: resolve(here, '../../shared/data/ner-pt-harem/CDSegundoHAREMclassico.xml') },
    out: { type: 'string', default: '/tmp/harem2.conll' },
  },
});

const HAREM_NAME: Record<string, string> = { PER: 'PESSOA', LOC: 'LOCAL', ORG: 'ORGANIZACAO' };

const lines: string[] = [];
let entities = 0;
for (const doc of readHaremXml(new TextDecoder('latin1').decode(readFileSync(values.in)))) {
  for (const s of doc.sentences) {
    s.words.forEach((w, i) => {
      const tag = s.tags[i]!;
      if (tag.startsWith('B-')) entities++;
      lines.push(`${w}\t${tag === 'O' ? 'O' : HAREM_NAME[tag.slice(2)]!}`);
    });
    lines.push('');
  }
}
writeFileSync(values.out, lines.join('\n'));
console.error(`wrote ${values.out}: ${lines.filter((l) => l === '').length} sentences, ${entities} PESSOA/LOCAL/ORGANIZACAO entities`);
