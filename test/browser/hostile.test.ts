// Hostile inputs in Chromium (issue 21, point 4, and the report's browser probes 9, 10, 14, 25, 26, 28 and 29): a file
// the editor cannot draw is refused whole, leaving the scenario as it was; long lists are summarised; a worker that
// dies without a word fails the run within the stall rule and the next run works; a double-click on Run or a burst
// of run requests does not leave the page saying "cancelled". Each failed on the code before (see each test).
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useApp } from './use-app';

const LEEDS = JSON.parse(readFileSync('scenarios/leeds-2015-family-valued.json', 'utf8'));

describe('hostile inputs in Chromium', () => {
  const { browser, server } = useApp(4320);

  /** The app loaded with Leeds and its first run done; page errors collected. */
  async function openApp(init?: () => void): Promise<{ page: Page; app: Locator; problems: string[] }> {
    const page = await browser().newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    if (init) await page.addInitScript(init);
    await page.goto(server().url);
    const app = page.locator('cs-app');
    await expect.poll(() => app.locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    return { page, app, problems };
  }

  const status = async (app: Locator) => (await app.locator('cs-run-controls .status').textContent()) ?? '';

  async function importFile(app: Locator, name: string, content: string | Buffer): Promise<string> {
    await app.locator('cs-keep-share #import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
    const alert = app.locator('cs-keep-share .message');
    await expect.poll(() => alert.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    return (await alert.allTextContents()).join('\n');
  }

  async function referralsShown(app: Locator): Promise<string> {
    const details = app.locator('details.inputs');
    if (!(await details.getAttribute('open'))) await app.locator('details.inputs > summary').click();
    const editor = app.locator('cs-scenario-editor');
    const input = editor.locator('input[data-path="demand.referralsPerMonth.value"]');
    if (!(await input.isVisible())) await editor.locator('details.group > summary', { hasText: /^Demand/ }).click();
    return input.inputValue();
  }

  it('a file the editor cannot draw is refused whole and the scenario stays as it was (W7: threw in the editor and kept old values on screen)', async () => {
    const { page, app, problems } = await openApp();
    const noWeights = structuredClone(LEEDS);
    noWeights.demand.referralsPerMonth.value = 111;
    noWeights.pathway.cin.duration = { family: 'empirical', binEdges: [0, 1, 2], unit: 'months', source: 'x' };
    expect(await importFile(app, 'no-weights.json', JSON.stringify(noWeights))).toContain(
      'no-weights.json was not imported, and the scenario you had is as it was: the editor cannot show it (pathway.cin.duration.weights: an empirical duration needs its weights as a list of numbers, got missing)',
    );
    const nullShares = structuredClone(LEEDS);
    nullShares.demand.referralsPerMonth.value = 222;
    nullShares.pathway.cla.exits.shares = null;
    expect(await importFile(app, 'null-shares.json', JSON.stringify(nullShares))).toContain('null-shares.json was not imported, and the scenario you had is as it was: the editor cannot show it (pathway.cla.exits.shares: branch shares must be given by name');
    // Nesting 20,000 levels deep (S3: a stack overflow in structuredClone, uncaught) is refused the same way.
    expect(await importFile(app, 'deep.json', `{"name":${'['.repeat(20_000)}1${']'.repeat(20_000)}}`)).toMatch(/deep\.json was not imported.*nests more than 32 levels deep/);
    // Bytes that are not UTF-8 (W8: silently replaced by U+FFFD) are refused, naming the first.
    const latin1 = Buffer.from(JSON.stringify({ ...LEEDS, name: 'L_eds' }));
    latin1[latin1.indexOf('_')] = 0xe9;
    expect(await importFile(app, 'latin1.json', latin1)).toMatch(/latin1\.json was not imported, and the scenario you had is as it was\. The file is not UTF-8 text \(at byte [\d,]+\): save it as UTF-8\./);
    expect(await app.locator('#scenario option:checked').textContent()).toContain('Leeds 2015');
    expect(await referralsShown(app)).toBe(String(LEEDS.demand.referralsPerMonth.value));
    expect(await app.locator('cs-run-controls #run').isDisabled()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('what the keep-and-share panel said of one scenario goes when another is loaded (probe 8: it stayed after Reset)', async () => {
    const { page, app, problems } = await openApp();
    const invalid = { ...structuredClone(LEEDS), name: 7 };
    expect(await importFile(app, 'invalid.json', JSON.stringify(invalid))).toContain('The file is not a valid scenario');
    // The import loaded the file (with its problems): its message stays with it.
    expect(await app.locator('cs-keep-share .message').count()).toBeGreaterThan(0);
    await app.locator('#reset').click();
    await expect.poll(() => app.locator('cs-keep-share .message').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('a saved entry or a share link the editor cannot draw is not opened; the rest still are', async () => {
    const broken = structuredClone(LEEDS);
    broken.pathway.cla.exits.shares = null;
    const good = { ...structuredClone(LEEDS), name: 'Good one' };
    const { page, app, problems } = await openApp();
    await page.evaluate((store) => localStorage.setItem('fgc-capacity:saved-scenarios', store), JSON.stringify({ Broken: broken, Good: good }));
    await page.reload();
    await expect.poll(() => app.locator('cs-run-controls #run').count(), { timeout: 60_000 }).toBe(1);
    await app.locator('cs-keep-share #saved').selectOption('Broken');
    await expect.poll(async () => (await app.locator('cs-keep-share .message.error').textContent()) ?? '').toContain('“Broken” could not be opened here (pathway.cla.exits.shares: branch shares must be given by name');
    expect(await app.locator('#scenario option:checked').textContent()).toContain('Leeds 2015');
    await app.locator('cs-keep-share #saved').selectOption('Good');
    await expect.poll(async () => (await app.locator('#scenario option:checked').textContent()) ?? '').toContain('Saved: Good: Good one');
    // The same scenario in a share link: the link's problem is said and the default scenario opens.
    const link = await page.evaluate(async (raw) => {
      const bytes = new TextEncoder().encode(JSON.stringify(raw));
      const deflated = await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
      return btoa(String.fromCharCode(...new Uint8Array(deflated))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }, broken);
    const linked = await browser().newPage();
    linked.on('pageerror', (e) => problems.push(e.message));
    await linked.goto(`${server().url}#scenario=${link}`);
    const linkedApp = linked.locator('cs-app');
    const linkProblem = linkedApp.locator('p.link-problem');
    await expect.poll(() => linkProblem.textContent(), { timeout: 60_000 }).toMatch(/^The share link could not be opened \(pathway\.cla\.exits\.shares: .*\); the default scenario is loaded instead\.$/);
    expect(await linkedApp.locator('#scenario option:checked').textContent()).toContain('Leeds 2015');
    expect(problems).toEqual([]);
    await linked.close();
    await page.close();
  }, 120_000);

  it('a list of 300,000 values is summarised in one row, its problem named (U2: one input per value froze the tab)', async () => {
    const { page, app, problems } = await openApp();
    const long = structuredClone(LEEDS);
    long.demand.childrenPerFamily.sharesBySize = [1, ...Array(299_999).fill(0)];
    const text = JSON.stringify(long);
    expect(text.length).toBeLessThan(1_000_000);
    expect(await importFile(app, 'long.json', text)).toContain('demand.childrenPerFamily.sharesBySize: must have at most 30 items, got 300000');
    const editor = app.locator('cs-scenario-editor');
    await expect.poll(() => editor.locator('.summary[data-path="demand.childrenPerFamily.sharesBySize"]').textContent()).toMatch(/^300,000 values \(1, 0, 0, … 0\): too many to edit one by one here/);
    expect(await editor.locator('input').count()).toBeLessThan(400);
    expect(await app.locator('cs-run-controls #run').isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  for (const how of ['terminate', 'close'] as const) {
    it(`a worker that dies without an error event (${how === 'terminate' ? 'terminate() from the page' : 'self.close() inside it'}) fails the run with a message, and the next run works (H1: stalled for ever)`, async () => {
      const { page, app, problems } = await openApp(() => {
        // Keep every worker the page makes, so the test can end one as a browser might, without an error event.
        const Native = window.Worker;
        const made: Worker[] = ((window as unknown as { madeWorkers: Worker[] }).madeWorkers = []);
        window.Worker = class extends Native {
          constructor(url: string | URL, options?: WorkerOptions) {
            super(url, options);
            made.push(this);
          }
        };
      });
      await app.locator('cs-run-controls #runs').fill('20000');
      await app.locator('cs-run-controls #run').click();
      await expect.poll(async () => Number((await status(app)).split(' of ')[0]!.replace(/,/g, '')), { timeout: 60_000 }).toBeGreaterThan(100);
      if (how === 'terminate') await page.evaluate(() => (window as unknown as { madeWorkers: Worker[] }).madeWorkers.forEach((w) => w.terminate()));
      else await Promise.all(page.workers().map((w) => w.evaluate(() => self.close()).catch(() => undefined)));
      const stoppedAt = Date.now();
      const alert = app.locator('p.error[role="alert"]');
      await expect.poll(async () => (await alert.count()) > 0 && ((await alert.textContent()) ?? ''), { timeout: 60_000 }).toMatch(/^Main run failed: a worker has finished no run for \d+ s \(this job's runs took at most [\d.]+ s apart\): it has stopped, so batch \d+ of \d+ \(runs [\d–]+\) failed; run again and a new worker starts$/);
      // Failed by the stall rule after the first run (at least 5 s of silence), not by the 60 s start allowance.
      expect(Date.now() - stoppedAt).toBeLessThan(45_000);
      await app.locator('cs-run-controls #runs').fill('20');
      await app.locator('cs-run-controls #run').click();
      await expect.poll(() => status(app), { timeout: 60_000 }).toContain('20 of 20 runs — done');
      expect(await alert.count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    }, 180_000);
  }

  it('a double-click on Run runs (S1: the second click landed on Cancel) and a burst of run requests ends done, not "cancelled" (S2)', async () => {
    const { page, app, problems } = await openApp();
    await app.locator('cs-run-controls #runs').fill('300');
    await app.locator('cs-run-controls #run').dblclick();
    await expect.poll(() => status(app), { timeout: 60_000 }).toContain('300 of 300 runs — done');
    expect(await status(app)).not.toContain('cancelled');
    await page.evaluate(() => {
      const controls = document.querySelector('cs-app')!.shadowRoot!.querySelector('cs-run-controls')!;
      for (let i = 0; i < 10; i++) controls.dispatchEvent(new CustomEvent('run-request', { detail: { runs: 40, seed: `burst-${i}` } }));
    });
    await expect.poll(() => status(app), { timeout: 60_000 }).toContain('40 of 40 runs — done');
    expect(await status(app)).not.toContain('cancelled');
    expect(await app.locator('cs-run-controls #run').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
