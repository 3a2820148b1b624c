/**
 * NER throughput on ~4 KB news-like texts (invented here), against a plain tokenizer pass measured in
 * the same run. Run: npx tsx bench/ner.ts [--seconds 2]
 */
import { recognizeEntities, loadOrgMatcher, loadModel } from '../extractors/index.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] ?? 2) || 2;

const PARTS: Record<string, string[]> = {
  es: [
    'La Fiscalía General de la Nación informó este martes que agentes de la DIJIN rescataron a tres mujeres en Cúcuta.',
    'Según el fiscal Andrés Morales, las víctimas habían sido captadas en Maracaibo con ofertas de trabajo falsas.',
    'El Instituto Colombiano de Bienestar Familiar asumió la protección de una menor de 15 años.',
    'La red, vinculada al Tren de Aragua, operaba en bares del barrio La Playa y trasladaba a las jóvenes hacia Bogotá.',
    'Migración Colombia confirmó que dos de los capturados tenían órdenes de expulsión vigentes.',
    'La alcaldesa de la ciudad, María Fernanda Ruiz, pidió reforzar los controles en la frontera con Venezuela.',
    'De acuerdo con la OIM, los casos de trata de personas aumentaron durante el último año en la región.',
    'El juez de control de garantías dictó medida de aseguramiento contra los cuatro detenidos.',
  ],
  pt: [
    'O Ministério Público do Trabalho resgatou doze trabalhadores em condições análogas à escravidão em Minas Gerais.',
    'Segundo o auditor fiscal Ricardo Almeida, os homens eram aliciados no Maranhão com promessas de salário.',
    'A Polícia Federal prendeu o dono da fazenda, que fica no município de Unaí, a 170 quilômetros de Brasília.',
    'O Conselho Tutelar acompanhou o caso de dois adolescentes encontrados no alojamento.',
    'De acordo com a OIT, o Brasil registrou mais resgates neste ano do que no anterior.',
    'A procuradora Ana Paula Souza afirmou que a empresa terá de pagar as verbas rescisórias.',
    'A Polícia Rodoviária Federal abordou o ônibus na BR-040, perto de Sete Lagoas.',
    'Os trabalhadores foram levados de volta para Codó, onde vivem as suas famílias.',
  ],
  en: [
    'Federal agents in Houston arrested four people on Tuesday in connection with a labor trafficking ring.',
    'According to the Department of Justice, the victims were recruited in Guatemala with promises of work.',
    'Special Agent Laura Mitchell of Homeland Security Investigations said the group used debt to control them.',
    'The International Organization for Migration has warned about similar schemes across Central America.',
    'Prosecutor David Chen told reporters that the defendants face up to twenty years in prison.',
    'Mr. Alvarez, the alleged leader, was detained at a house near the border with Mexico.',
    'The FBI and local police in Texas continue to search for two other suspects.',
    'A shelter run by a church group in San Antonio is caring for the survivors.',
  ],
};

function makeDoc(lang: string, seed: number): string {
  const parts = PARTS[lang]!;
  let out = '';
  let i = seed;
  while (out.length < 4000) {
    out += parts[i % parts.length]! + (i % 3 === 2 ? '\n' : ' ');
    i += 3;
  }
  return out;
}

function time(label: string, docs: string[], fn: (t: string) => unknown): number {
  for (const d of docs.slice(0, 20)) fn(d); // warm-up
  let n = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const limit = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - t0 < limit) {
    fn(docs[n % docs.length]!);
    n++;
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / n;
  const rate = n / secs;
  console.log(
    `${label.padEnd(34)} ${rate.toFixed(0).padStart(8)} docs/s wall  ${(1000 / rate).toFixed(3)} ms/doc wall  ${cpuMs.toFixed(3)} ms/doc cpu`,
  );
  return rate;
}

const baselineSplit = (t: string) => t.split(/\s+/).length;
const wordRe = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const baselineTokens = (t: string) => t.match(wordRe)?.length ?? 0;

const t0 = Date.now();
loadOrgMatcher();
for (const l of ['es', 'pt', 'en']) recognizeEntities('x', l);
const meta = (lang: 'es' | 'pt') => {
  const m = loadModel(lang);
  return `${lang} model ${m.bits} bits, trained ${String(m.meta.trainedAt)}`;
};
console.log(`node ${process.version}; ${meta('es')}; ${meta('pt')}; models and list loaded in ${Date.now() - t0} ms; ${seconds}s per row`);
console.log('(cpu = process user+system time per doc: less affected by other load on a shared machine than wall time)');
for (const lang of ['es', 'pt', 'en']) {
  const docs = Array.from({ length: 50 }, (_, k) => makeDoc(lang, k));
  const avg = docs.reduce((s, d) => s + d.length, 0) / docs.length;
  console.log(`-- ${lang}: ${docs.length} docs, ${avg.toFixed(0)} chars avg, ${recognizeEntities(docs[0]!, lang).length} entities in doc 0`);
  time('baseline: whitespace split', docs, baselineSplit);
  time('baseline: unicode regex tokens', docs, baselineTokens);
  time(`recognizeEntities(${lang})`, docs, (t) => recognizeEntities(t, lang));
}
