import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sampleLeads, startTestServer, xssLead, XSS_TITLE, type TestServer } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let t: TestServer;
let browser: Browser | undefined;
let launchError: Error | undefined;

/** A missing or broken Chromium fails the suite with instructions; it never skips. */
async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Debian's chromium at ${CHROMIUM}: run apt-get update && apt-get install -y chromium`);
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  } catch (err) {
    throw new Error(`browser tests: cannot launch ${CHROMIUM}: ${(err as Error).message}`, { cause: err });
  }
}

/** A page that records console errors (a CSP violation shows up there) and any dialog an injected script opens. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  if (!browser) throw launchError ?? new Error('browser tests: Chromium was not launched');
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { page, problems };
}

beforeAll(async () => {
  // A launch failure is kept and thrown by every test, so each one FAILS with the reason (never skipped).
  browser = await launch().catch((err: Error) => {
    launchError = err;
    return undefined;
  });
  t = await startTestServer([...sampleLeads(), xssLead()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('review pages in Chromium', () => {
  it('filters the list, highlights evidence, dismisses a lead with a note and hides it from new', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${t.url}/`);
    await expect.poll(() => page.locator('table.leads tbody tr').count()).toBe(5);

    await page.getByLabel('Relevance').selectOption('incident');
    await page.getByLabel('Country (ISO code)').fill('co');
    await page.getByLabel('Text contains').fill('finca');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/label=incident/);
    const rows = page.locator('table.leads tbody tr');
    expect(await rows.count()).toBe(1);
    await expect.poll(() => rows.first().innerText()).toContain('Rescatan a 12 mujeres en una finca de Cúcuta');

    await page.getByRole('link', { name: 'Rescatan a 12 mujeres en una finca de Cúcuta' }).click();
    await page.waitForURL(/\/leads\//);
    const marks = page.locator('.evidence-text mark.ind');
    expect(await marks.count()).toBe(5);
    const sexual = marks.filter({ hasText: 'explotación sexual' });
    expect(await sexual.getAttribute('class')).toBe('ind g-purpose');
    expect(await sexual.getAttribute('title')).toBe('purpose.sexual_exploitation · weight 1');
    expect(await page.locator('.evidence-sentence mark.ind').count()).toBe(5);
    expect(await page.locator('.evidence-sentence').first().innerText()).toContain('Según la Fiscalía');
    // Highlight colours really come from our stylesheet (the CSP allowed it).
    const bg = await sexual.evaluate('el => getComputedStyle(el).backgroundColor');
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.content()).not.toContain('Ana Lucía Torres');

    // Review with the keyboard only: name, note, then Tab to the Dismiss button and press Enter.
    await page.getByLabel('Your name').focus();
    await page.keyboard.type('Lucía R.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('duplicate of an older report');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Dismiss');
    await page.keyboard.press('Enter');
    await page.waitForURL(/saved=dismissed/);
    expect(await page.getByRole('status').innerText()).toContain('Status set to dismissed');
    const history = await page.locator('ol.history').innerText();
    expect(history).toContain('Lucía R.');
    expect(history).toContain('new → dismissed');
    expect(history).toContain('duplicate of an older report');
    expect(await page.locator('#lead-status').innerText()).toBe('dismissed');

    // Back on the same filtered list (status new): the dismissed lead is gone.
    await page.getByRole('link', { name: /Back to the list/ }).click();
    await page.waitForURL(/label=incident/);
    expect(await page.locator('table.leads tbody tr').count()).toBe(0);
    await page.goto(`${t.url}/`);
    expect(await page.locator('table.leads tbody tr').count()).toBe(4);
    expect(await page.locator('table.leads').innerText()).not.toContain('Rescatan a 12 mujeres');
    await page.getByLabel('Status').selectOption('dismissed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=dismissed/);
    expect(await page.locator('table.leads tbody tr').count()).toBe(1);

    const stored = await t.store.getLead(t.ids[0]!);
    expect(stored?.status).toBe('dismissed');
    expect(stored?.history).toMatchObject([{ by: 'Lucía R.', from: 'new', to: 'dismissed', note: 'duplicate of an older report' }]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('remembers the reviewer name on the next lead', async () => {
    const { page } = await openPage();
    await page.goto(`${t.url}/leads/${t.ids[1]}`);
    await page.getByLabel('Your name').fill('Joana');
    await page.getByRole('button', { name: 'Needs more info' }).click();
    await page.waitForURL(/saved=needs_info/);
    await page.goto(`${t.url}/leads/${t.ids[2]}`);
    expect(await page.getByLabel('Your name').inputValue()).toBe('Joana');
    await page.close();
  });

  it('renders an XSS payload in a stored title and text as text, never as script', async () => {
    const { page, problems } = await openPage();
    await page.addInitScript('window.__xss = 0;');
    for (const path of ['/', `/leads/${t.ids[4]}`]) {
      await page.goto(`${t.url}${path}`);
      expect(await page.evaluate('window.__xss')).toBe(0);
      expect(await page.locator('main img').count()).toBe(0);
      expect(await page.locator('main script').count()).toBe(0);
      expect(await page.locator('main b').count()).toBe(0);
    }
    expect(await page.locator('h1').innerText()).toBe(XSS_TITLE);
    expect(await page.locator('.evidence-text').innerText()).toContain('<script>window.__xss = 3</script> trata');
    expect(await page.locator('.evidence-text mark.ind').innerText()).toBe('<script>window.__xss = 3</script> trata');
    expect(problems).toEqual([]);
    await page.close();
  });
});
