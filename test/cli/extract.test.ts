import { spawn } from 'node:child_process';
import { describe, expect, it, beforeAll } from 'vitest';
import { assertBuilt, CLI, ROOT, rastro } from './helpers.js';

beforeAll(() => assertBuilt());

describe('rastro extract (JSON Lines contract)', () => {
  it('answers one line per input, in order, carrying each id, with every contract field', () => {
    const input = [
      { id: 'a', text: 'La Fiscalía rescató a 12 mujeres venezolanas víctimas de trata de personas con fines de explotación sexual en Cúcuta, Colombia.' },
      { id: 'b', text: 'Se trata de un problema de tráfico vehicular en la avenida principal de Lima.' },
      { id: 'c', html: '<html><body><article><h1>Resgate</h1><p>Auditores-fiscais do trabalho resgataram dezoito trabalhadores em condição análoga à escravidão numa fazenda no Pará.</p></article></body></html>' },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const r = rastro(['extract'], { input });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['language', 'relevance', 'types', 'indicators', 'entities', 'places', 'countries', 'eventCountry', 'victims']));
    }
    const a = out[0] as { relevance: { label: string }; indicators: Array<{ start: number; end: number; text: string }>; language: string };
    expect(a.language).toBe('es');
    expect(a.relevance.label).toBe('incident');
    const text = JSON.parse(input.split('\n')[0]!).text as string;
    for (const i of a.indicators) expect(text.slice(i.start, i.end)).toBe(i.text);
    expect((out[1] as { relevance: { label: string } }).relevance.label).toBe('none');
    expect((out[2] as { language: string }).language).toBe('pt');
  });

  it('answers a malformed line with an error line and keeps going', () => {
    const r = rastro(['extract'], { input: '{"id":"ok","text":"Nada que ver."}\nnot json\n{"id":"z","text":"Otra nota."}\n' });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; error?: string });
    expect(out).toHaveLength(3);
    expect(out[1]!.error).toBeTruthy();
    expect(out[2]!.id).toBe('z');
  });
});

describe('rastro extract (one line at a time)', () => {
  it('answers a line before the next one is written (lines are batched only as they arrive together)', async () => {
    const child = spawn(process.execPath, [CLI, 'extract'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', RASTRO_LOG_LEVEL: 'error' } });
    let stdout = '';
    const lineCount = (): number => stdout.split('\n').filter(Boolean).length;
    const waitForLines = (n: number): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => {
          if (lineCount() >= n) resolve();
          else child.stdout.once('data', (d: Buffer) => ((stdout += d.toString()), check()));
        };
        check();
      });
    child.stdin.write(JSON.stringify({ id: 'first', text: 'La Fiscalía rescató a 12 mujeres víctimas de trata de personas en Cúcuta.' }) + '\n');
    // stdin stays open: the answer must come anyway
    await waitForLines(1);
    child.stdin.end(JSON.stringify({ id: 'second', text: 'Nada que ver.' }) + '\n');
    await waitForLines(2);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['first', 'second']);
  }, 120_000);
});

describe('rastro article (JSON Lines contract)', () => {
  it('returns title, text, date, language and author for each page', () => {
    const html = `<html lang="es"><head><title>Rescatan a jornaleros | Diario</title><meta property="article:published_time" content="2026-03-12T10:00:00Z"><meta name="author" content="Redacción"></head>
<body><nav><a href="/">Inicio</a> <a href="/politica">Política</a></nav><article><h1>Rescatan a jornaleros</h1>
<p>Las autoridades liberaron a treinta jornaleros que trabajaban sin paga en un campo agrícola del norte del país, según informó la fiscalía regional este martes.</p>
<p>Los trabajadores dijeron que les retenían los documentos y que no podían salir del predio durante semanas.</p></article>
<footer>© Diario · Todos los derechos reservados</footer></body></html>`;
    const r = rastro(['article'], { input: JSON.stringify({ id: 'p1', html, url: 'https://diario.example/nota/1' }) + '\n' });
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout) as { id: string; title: string; text: string; publishedAt: string; language: string };
    expect(o.id).toBe('p1');
    expect(o.title).toContain('Rescatan a jornaleros');
    expect(o.text).toContain('retenían los documentos');
    expect(o.text).not.toContain('Todos los derechos reservados');
    expect(o.publishedAt?.slice(0, 10)).toBe('2026-03-12');
    expect(o.language).toBe('es');
  });
});
