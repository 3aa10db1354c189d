// `npm run bench:page-pool`: 10,000 Leeds runs in the built app in Chromium, with the page's pool at one worker and
// at two (the browser told it has 1 or 2 cores), timed from Run to done; and the time left the page showed (its
// estimate, src/client/time-left.ts, read from the status's data-left-s) against the time that really was left, at
// 10%, 50% and 90% of the runs. One run of each; on a shared two-core machine, compare the ratio, not the seconds.
import { launchChromium, serveApp } from './chromium';

const RUNS = Number(process.env.BENCH_RUNS ?? 10_000);
const server = await serveApp(4398);
const browser = await launchChromium();

interface Sample {
  t: number;
  done: number;
  left: number | undefined;
}

async function timed(cores: number): Promise<{ seconds: number; samples: Sample[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(`Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${cores} });`);
  const page = await context.newPage();
  await page.goto(server.url);
  const app = page.locator('cs-app');
  await app.locator('cs-run-controls #run').waitFor({ timeout: 180_000 });
  await app.locator('cs-run-controls #runs').fill(String(RUNS));
  const status = app.locator('cs-run-controls .status');
  const start = Date.now();
  await app.locator('cs-run-controls #run').click();
  const samples: Sample[] = [];
  for (;;) {
    const [text, left] = await Promise.all([status.textContent(), status.getAttribute('data-left-s')]);
    const done = Number((text ?? '').split(' of ')[0]!.replace(/[^\d]/g, ''));
    samples.push({ t: (Date.now() - start) / 1000, done, left: left ? Number(left) : undefined });
    if ((text ?? '').includes('— done')) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const seconds = samples.at(-1)!.t;
  await context.close();
  return { seconds, samples };
}

/** The estimate shown when a share of the runs was first reached, against the time then really left. */
function errorAt(run: { seconds: number; samples: Sample[] }, share: number): string {
  const s = run.samples.find((x) => x.done >= share * RUNS && x.left !== undefined);
  if (!s) return 'no estimate shown';
  const truth = run.seconds - s.t;
  return `${Math.round(share * 100)}%: shown ${s.left!.toFixed(0)} s, really ${truth.toFixed(0)} s (${(((s.left! - truth) / truth) * 100).toFixed(0)}%)`;
}

try {
  const one = await timed(1);
  const two = await timed(2);
  console.log(`${RUNS.toLocaleString('en-GB')} Leeds runs in the page: one worker ${one.seconds.toFixed(1)} s, two workers ${two.seconds.toFixed(1)} s: ${(one.seconds / two.seconds).toFixed(2)}× (one run each)`);
  for (const [name, run] of [['one worker', one], ['two workers', two]] as const) console.log(`time left, ${name}: ${[0.1, 0.5, 0.9].map((x) => errorAt(run, x)).join('; ')}`);
} finally {
  await browser.close();
  server.stop();
}
