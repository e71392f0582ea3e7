import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/domain/feeds/sanitize.ts';
import { XSS_VECTORS } from '../../src/domain/feeds/xss-vectors.ts';
import { launchBrowser } from './harness.ts';

/**
 * The sanitiser's output in a real browser: nothing in it may run. Every script way out is
 * watched (alert, confirm, prompt, print, dialogs, console, a global the vectors' payloads would
 * set), and every request is aborted so that `onerror` handlers would fire if any were left.
 */
let browser: Browser;
let page: Page;
const ran: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext();
  await context.route('**/*', (route) => route.abort());
  await context.exposeFunction('__ran', (what: string) => ran.push(what));
  await context.addInitScript(() => {
    const report = (what: string) => () => (window as unknown as { __ran: (w: string) => void }).__ran(what);
    window.alert = report('alert');
    window.confirm = report('confirm') as () => boolean;
    window.prompt = report('prompt') as () => string;
    window.print = report('print');
  });
  page = await context.newPage();
  page.on('dialog', (d) => {
    ran.push(`dialog ${d.message()}`);
    void d.dismiss();
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function runsIn(html: string): Promise<string[]> {
  ran.length = 0;
  await page.setContent(`<!doctype html><html><body><div id="news">${html}</div></body></html>`, {
    waitUntil: 'load',
  });
  await page.waitForTimeout(50);
  return [...ran];
}

describe('sanitised news HTML in Chromium', () => {
  it('the watch is real: an unsanitised vector runs', async () => {
    expect(await runsIn('<img src=x onerror=alert(1)>')).toEqual(['alert']);
    expect(await runsIn('<svg/onload=alert(1)>')).toEqual(['alert']);
  });

  it('no known vector runs once sanitised', async () => {
    for (const vector of XSS_VECTORS) {
      const out = sanitizeHtml(vector);
      expect(await runsIn(out), `${vector} → ${out}`).toEqual([]);
    }
  });

  it('the browser reads the sanitised HTML as it was written (no mutation)', async () => {
    for (const vector of XSS_VECTORS) {
      const out = sanitizeHtml(vector);
      await runsIn(out);
      const reparsed = await page.evaluate(() => document.getElementById('news')!.innerHTML);
      expect(sanitizeHtml(reparsed), vector).toBe(out);
    }
  });
});
