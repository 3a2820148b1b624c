import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, silentLogger, type Indicator, type IndicatorGroup } from '../../core/index.js';
import { SqliteStore, type LeadInput, type LeadStore } from '../../store/index.js';
import { startWebServer, type QueueMap, type WebServer } from '../../web/index.js';

/** An indicator over the first occurrence of `phrase` in `text`, with the sentence around it. */
export function ind(text: string, phrase: string, category: string, group: IndicatorGroup, weight: number, extra: Partial<Indicator> = {}): Indicator {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`test fixture: "${phrase}" is not in the text`);
  const end = start + phrase.length;
  let s = start;
  while (s > 0 && !/[.!?]/.test(text[s - 1]!)) s--;
  while (text[s] === ' ') s++;
  let e = end;
  while (e < text.length && !/[.!?]/.test(text[e]!)) e++;
  return { id: `test.${category}`, category, group, weight, start, end, text: phrase, sentence: { start: s, end: Math.min(text.length, e + 1) }, ...extra };
}

const ES_TEXT =
  'La policía rescató a 12 mujeres en una finca de Cúcuta. Según la Fiscalía, fueron captadas con falsas ofertas de empleo y sometidas a explotación sexual. ' +
  'Les retenían los pasaportes y les cobraban una deuda impagable. Una de ellas, [víctima], de 17 años, pidió ayuda a una vecina.';

const PT_TEXT =
  'Fiscais resgataram 30 trabalhadores em condições análogas à escravidão numa fazenda do Pará. Os homens tinham os salários retidos e viviam em alojamentos precários.';

const EN_TEXT = 'Advocates held a workshop on how to spot human trafficking at bus terminals. No case was reported.';

const MX_TEXT = 'Detienen a dos personas por tráfico de migrantes en Chiapas; se trata de un caso de contrabando.';

/** Invented leads for the web tests; nothing here comes from a dataset. */
export function sampleLeads(): LeadInput[] {
  const base = {
    kind: 'article' as const,
    simhash: null,
    fetchedAt: '2026-03-12T11:00:00.000Z',
    entities: [],
    places: [],
    notice: null,
    lexiconVersion: 'lex-test-1',
    extractorVersion: 'x-test-1',
    sourceId: 'src-es',
  };
  return [
    {
      ...base,
      url: 'https://diario.example/cucuta-rescate',
      canonicalUrl: 'https://diario.example/cucuta-rescate',
      contentHash: 'h-es',
      title: 'Rescatan a 12 mujeres en una finca de Cúcuta',
      text: ES_TEXT,
      publishedAt: '2026-03-12T08:00:00.000Z',
      language: 'es',
      label: 'incident',
      score: 0.91,
      reasons: [{ id: 'evidence_with_case', category: 'rule', weight: 0.91 }, { id: 'test.purpose.sexual_exploitation', category: 'purpose.sexual_exploitation', weight: 1, start: ES_TEXT.indexOf('explotación sexual'), end: ES_TEXT.indexOf('explotación sexual') + 18, text: 'explotación sexual' }],
      types: ['sexual_exploitation'],
      indicators: [
        ind(ES_TEXT, 'captadas', 'act.recruitment', 'act', 0.6),
        ind(ES_TEXT, 'falsas ofertas de empleo', 'means.deception', 'means', 0.8),
        ind(ES_TEXT, 'explotación sexual', 'purpose.sexual_exploitation', 'purpose', 1),
        ind(ES_TEXT, 'retenían los pasaportes', 'ilo.retention_of_identity_documents', 'ilo', 0.7),
        ind(ES_TEXT, 'deuda impagable', 'ilo.debt_bondage', 'ilo', 0.7),
      ],
      entities: [
        { type: 'person', role: 'victim', text: 'Ana Lucía Torres', start: ES_TEXT.indexOf('[víctima]'), end: ES_TEXT.indexOf('[víctima]') + 9 },
        { type: 'organization', text: 'Fiscalía', start: ES_TEXT.indexOf('Fiscalía'), end: ES_TEXT.indexOf('Fiscalía') + 8 },
      ],
      places: [{ name: 'Cúcuta', countryCode: 'CO', admin1: 'Norte de Santander', lat: 7.89, lon: -72.5, confidence: 0.9, kind: 'city', start: ES_TEXT.indexOf('Cúcuta'), end: ES_TEXT.indexOf('Cúcuta') + 6, text: 'Cúcuta' }],
      countries: ['CO', 'VE'],
      eventCountry: 'CO',
      victims: { count: 12, minors: true, nationalities: ['VE'], gender: 'female', evidence: [{ start: ES_TEXT.indexOf('12 mujeres'), end: ES_TEXT.indexOf('12 mujeres') + 10, text: '12 mujeres', supports: 'count' }] },
    },
    {
      ...base,
      sourceId: 'src-pt',
      url: 'https://jornal.example/para-resgate',
      canonicalUrl: 'https://jornal.example/para-resgate',
      contentHash: 'h-pt',
      title: 'Fiscais resgatam 30 trabalhadores no Pará',
      text: PT_TEXT,
      publishedAt: '2026-02-20T08:00:00.000Z',
      language: 'pt',
      label: 'incident',
      score: 0.8,
      reasons: [{ id: 'evidence_with_support', category: 'rule', weight: 0.8 }],
      types: ['forced_labour'],
      indicators: [ind(PT_TEXT, 'análogas à escravidão', 'offence.related', 'offence', 1), ind(PT_TEXT, 'salários retidos', 'ilo.withholding_of_wages', 'ilo', 0.7)],
      countries: ['BR'],
      eventCountry: 'BR',
      victims: { count: 30, minors: false, nationalities: ['BR'] },
    },
    {
      ...base,
      sourceId: 'src-en',
      url: 'https://paper.example/workshop',
      canonicalUrl: 'https://paper.example/workshop',
      contentHash: 'h-en',
      title: 'Workshop on spotting trafficking at bus terminals',
      text: EN_TEXT,
      publishedAt: '2026-01-05T08:00:00.000Z',
      language: 'en',
      label: 'awareness',
      score: 0.3,
      reasons: [{ id: 'topic_without_case', category: 'rule', weight: 0.3 }],
      types: [],
      indicators: [ind(EN_TEXT, 'human trafficking', 'offence.trafficking', 'offence', 1)],
      countries: ['US'],
      eventCountry: 'US',
      victims: { count: null, minors: null, nationalities: [] },
    },
    {
      ...base,
      url: 'https://diario.example/chiapas-migrantes',
      canonicalUrl: 'https://diario.example/chiapas-migrantes',
      contentHash: 'h-mx',
      title: 'Detienen a dos por tráfico de migrantes en Chiapas',
      text: MX_TEXT,
      publishedAt: '2026-03-01T08:00:00.000Z',
      language: 'es',
      label: 'none',
      score: 0.1,
      reasons: [{ id: 'counter_signal', category: 'rule', weight: 0.9 }],
      types: [],
      indicators: [ind(MX_TEXT, 'tráfico de migrantes', 'context.smuggling', 'context', -0.9)],
      countries: ['MX'],
      eventCountry: 'MX',
      victims: { count: null, minors: null, nationalities: [] },
    },
  ];
}

export const XSS_TITLE = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">Oferta de empleo';
const XSS_TEXT = 'Texto con <b>etiquetas</b> y <script>window.__xss = 3</script> trata de personas "entre comillas" & más.';

export function xssLead(): LeadInput {
  const [first] = sampleLeads();
  return {
    ...first!,
    url: 'https://evil.example/xss',
    canonicalUrl: 'https://evil.example/xss',
    contentHash: 'h-xss',
    title: XSS_TITLE,
    text: XSS_TEXT,
    score: 0.95,
    reasons: [{ id: '<img src=x onerror=alert(1)>', category: 'rule', weight: 1 }],
    indicators: [ind(XSS_TEXT, '<script>window.__xss = 3</script> trata', 'offence.trafficking', 'offence', 1)],
    entities: [{ type: 'organization', text: '<b>etiquetas</b>', start: XSS_TEXT.indexOf('<b>'), end: XSS_TEXT.indexOf('<b>') + 16 }],
    places: [],
    victims: { count: null, minors: null, nationalities: [] },
  };
}

export interface TestServer {
  url: string;
  store: LeadStore;
  web: WebServer;
  ids: string[];
  stop(): Promise<void>;
}

/** A real server on port 0 over the given (initialised) store, filled through upsertLead. Closes the store on stop. */
export async function startServerOn(store: LeadStore, leads: LeadInput[], queues?: QueueMap, cleanup: () => void = () => {}): Promise<TestServer> {
  const ids: string[] = [];
  for (const l of leads) ids.push((await store.upsertLead(l)).id);
  const config = loadConfig({ webPort: 0 }, {});
  const web = await startWebServer({ store, config, log: silentLogger, ...(queues ? { queues } : {}) });
  return {
    url: web.url,
    store,
    web,
    ids,
    async stop() {
      await web.close();
      await store.close();
      cleanup();
    },
  };
}

/** A real server on port 0 over a real SQLite store in a temp dir. */
export async function startTestServer(leads: LeadInput[] = sampleLeads(), queues?: QueueMap): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rastro-web-'));
  const store = new SqliteStore(join(dir, 'test.db'));
  await store.init();
  return startServerOn(store, leads, queues, () => rmSync(dir, { recursive: true, force: true }));
}
