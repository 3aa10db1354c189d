// Issue 28 in Chromium: a council's SSDA903 return dropped into the page is read in the page's worker, its flagged
// rows and what the episodes give are shown, the scenario's care part is fitted, and no request carries the data.
import { mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, useApp } from './use-app';

const SAMPLES = join(__dirname, '../../../shared/data/ssda903/samples-cs-demand-model');
const dir = mkdtempSync(join(tmpdir(), 'import-903-page-'));
const write = (name: string, lines: string[]) => (writeFileSync(join(dir, name), lines.join('\n')), join(dir, name));
// A small return of its own (the shipped samples are used too where ../shared is present): 60 children, two flaws.
const header = write('2023-24-header.csv', ['CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB', ...Array.from({ length: 60 }, (_, i) => `Z${7000 + i},${i % 2 ? 1 : 2},01/0${(i % 9) + 1}/${2006 + (i % 17)},WBRI,,,`)]);
const episodes = write('2023-24-episodes.csv', [
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
  ...Array.from({ length: 60 }, (_, i) => `Z${7000 + i},0${(i % 9) + 1}/05/2023,S,C2,N1,${['U1', 'U4', 'K2', 'U6'][i % 4]},${i % 3 ? 'PR1' : 'PR4'},${i % 5 ? '' : '01/02/2024'},${i % 5 ? '' : ['E11', 'E4A', 'E45'][i % 3]},,,,`),
  'Z9999,01/06/2023,S,C2,N1,U4,PR1,,,,,,',
  'Z7001,35/06/2023,P,C2,N1,U4,PR1,,,,,,',
]);

describe('an SSDA903 return imported in Chromium', () => {
  const { browser, server } = useApp(4333);

  it('reads the files in the page, lists the flagged rows, shows what they give, fits the care part, and sends nothing', async () => {
    const { page, app, problems, csp } = await openApp(browser(), server().url);
    // Every request from here on, with its method and body: none may carry the return.
    const requests: { url: string; method: string; body: string }[] = [];
    page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));

    await app.locator('details.import-903 > summary').click();
    const imp = app.locator('cs-import-903');
    const files = [header, episodes, ...(existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.startsWith('2019')).map((f) => join(SAMPLES, f)) : [])];
    await imp.locator('#files-903').setInputFiles(files);
    await expect.poll(() => imp.locator('#import-result').textContent(), { timeout: 60_000 }).toMatch(/row\(s\) set aside/);
    // The flagged rows, each with file, row and column.
    const rows = await imp.locator('#problems-903 tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('2023-24-episodes.csv') && r.includes('62') && r.includes('CHILD') && r.includes('no header'))).toBe(true);
    expect(rows.some((r) => r.includes('2023-24-episodes.csv') && r.includes('63') && r.includes('DECOM') && r.includes('set aside'))).toBe(true);
    expect(await imp.locator('#files-read tbody tr').count()).toBe(files.length);
    expect(await imp.locator('#entry-903 tbody tr').count()).toBe(5);
    expect(await imp.locator('#exit-903 tbody tr').count()).toBe(6);

    // The fit: the scenario loaded with its care part from the return.
    await imp.locator('#fit-903').click();
    await expect.poll(() => app.locator('#scenario option:checked').textContent(), { timeout: 60_000 }).toContain('care part fitted to your SSDA903 return');

    // Nothing carried the data: no request with a body, none naming a child; only the page's own scripts were fetched.
    expect(requests.filter((r) => r.body !== '' || r.method !== 'GET'), JSON.stringify(requests)).toEqual([]);
    expect(requests.filter((r) => /Z7\d{3}|Z9999|2023-24-(header|episodes)/.test(decodeURIComponent(r.url)))).toEqual([]);
    expect(requests.every((r) => r.url.startsWith(server().url))).toBe(true);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(csp, csp.join('\n')).toEqual([]);
    await page.close();
  }, 180_000);
});
