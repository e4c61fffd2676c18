/**
 * Dev tool, not a test: render every chart type for the demo project to /tmp/chart-gallery.html
 * (via renderChartSvg under jsdom) and screenshot it with the system Chromium to /tmp/chart-gallery.png.
 *   npx tsx test/e2e/chart-gallery.ts [--width 800] [--no-png]
 */
import { writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { chromium } from 'playwright-core';
import {
  changeOverTime,
  codeFrequencies,
  cooccurrence,
  forPublication,
  prepareIndex,
  saturation,
  sentimentTable,
  subcategoryMatrix,
  triangulation,
} from '../../shared/analysis';
import { computeAgreement } from '../../shared/analysis/reliability';
import { buildDemoProject } from '../../shared/demo';
import {
  agreementBars,
  cooccurrenceHeatmap,
  frequencyChart,
  matrixHeatmap,
  saturationCurve,
  sentimentBars,
  timeLines,
  triangulationGrid,
  codebookTreemap,
  codeIconArray,
  cooccurrenceNetwork,
  type ChartSpec,
} from '../../shared/report';
import { renderChartSvg } from '../../renderer/charts/svg';

const args = process.argv.slice(2);
const width = Number(args[args.indexOf('--width') + 1]) || 800;
const bundle = buildDemoProject();
const index = prepareIndex(bundle);
const pub = (t: ReturnType<typeof codeFrequencies>) => forPublication(t, 10);

const specs: ChartSpec[] = [
  frequencyChart(codeFrequencies(index)),
  frequencyChart(pub(codeFrequencies(index)), { maxLevel: 0 }),
  matrixHeatmap(pub(subcategoryMatrix(index, { attribute: 'Age band' }))),
  cooccurrenceHeatmap(cooccurrence(index, { unit: 'response' }), { limit: 12 }),
  triangulationGrid(triangulation(index)),
  timeLines(pub(changeOverTime(index, { attribute: 'Response date', period: 'month' }))),
  saturationCurve(saturation(index)),
  agreementBars(computeAgreement(bundle, { unit: 'sentence' })),
  sentimentBars(pub(sentimentTable(index))),
  frequencyChart(codeFrequencies(index), { order: 'ranked' }),
  codebookTreemap(codeFrequencies(index)),
  codebookTreemap(pub(codeFrequencies(index))),
  cooccurrenceNetwork(cooccurrence(index, { unit: 'response' })),
  codeIconArray(codeFrequencies(index)),
  frequencyChart({ ...codeFrequencies(index), rows: [] }),
  // Stress: a long code name with markup in it, and a high threshold so many values are suppressed.
  frequencyChart(forPublication(longNames(codeFrequencies(index)), 30), { maxLevel: 1 }),
  triangulationGrid(forPublication(longNames(triangulation(index), 'theme'), 30)),
];

function longNames<T extends { rows: Array<Record<string, unknown>> }>(t: T, key = 'code'): T {
  const rows = t.rows.map((r, i) => (i === 1 ? { ...r, [key]: 'A very long code name that goes on and on about 101 waiting times <script>alert(1)</script>' } : r));
  return { ...t, rows } as T;
}

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const svgs = specs.map((s) => renderChartSvg(s, dom.window.document, { width }));
const html = `<!doctype html><html><head><meta charset="utf-8"><title>Chart gallery</title>
<style>body{margin:0;padding:16px;background:#f4f4f4;font-family:sans-serif} figure{margin:0 0 16px;background:#fff;width:${width}px;box-shadow:0 0 0 1px #ddd}</style>
</head><body>${svgs.map((s) => `<figure>${s.replace(/^<\?xml[^>]*>\n/, '')}</figure>`).join('\n')}</body></html>`;
writeFileSync('/tmp/chart-gallery.html', html);
svgs.forEach((s, i) => writeFileSync(`/tmp/chart-${i}.svg`, s));
console.log(`wrote /tmp/chart-gallery.html (${specs.length} charts)`);

if (!args.includes('--no-png')) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: width + 32, height: 800 } });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto('file:///tmp/chart-gallery.html');
    const figures = await page.$$('figure');
    for (const [i, f] of figures.entries()) await f.screenshot({ path: `/tmp/chart-${i}.png` });
    await page.screenshot({ path: '/tmp/chart-gallery.png', fullPage: true });
    console.log(`wrote /tmp/chart-gallery.png and /tmp/chart-0..${figures.length - 1}.png`);
  } finally {
    await browser.close();
  }
}
