// Browser test of the HTML reports (registered with ctest by tests/browser/CMakeLists.txt).
//
// For every example case: run it with `--out DIR --report` (and one multi-run `potline report`),
// then check the HTML statically (no external URL, no NaN/Infinity, scripts inline) and in
// Debian's Chromium driven by playwright-core with the network cut off: every chart renders as
// SVG with the number of marks the report expects for its data (div.chart data-expected-marks),
// no console error, no page error, no request leaves the file. A full-page screenshot of each
// report is kept under the build folder.
//
// usage: node render_reports.mjs POTLINE_BIN SOURCE_DIR OUT_DIR
// POTLINE_BROWSER_ONLY=REGEX (development only) runs and checks only the pages whose name matches.
// Exit 0 when all pass, 1 on any failure, 77 (ctest SKIP_RETURN_CODE) when Chromium is absent.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [potline, sourceDir, outDir] = process.argv.slice(2);
if (!potline || !sourceDir || !outDir) {
  console.error('usage: node render_reports.mjs POTLINE_BIN SOURCE_DIR OUT_DIR');
  process.exit(2);
}

const chromiumCandidates = [process.env.POTLINE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const chromium = chromiumCandidates.find((p) => existsSync(p));
if (!chromium) {
  console.log(`SKIPPED: no Chromium found (looked for ${chromiumCandidates.join(', ')}); ` +
              'install it with scripts/install-deps.sh (Debian package chromium)');
  process.exit(77);
}

// Each example with the command that runs it (`--out DIR --report`). A new example must be added
// here, to `sweeps` or to `flexRuns`.
const examples = {
  'default': ['cell'], 'custom-design': ['cell'], 'grande-baie-p155': ['cell'],
  'inert-anode-elysis-like': ['cell'], 'inert-anode-rusal-like': ['cell'],
  'smelter-us-old-grid': ['smelter'], 'smelter-ca-hydro': ['smelter'], 'smelter-cn-captive-coal': ['smelter'],
  'smelter-gcc-gas': ['smelter'], 'smelter-two-potlines': ['smelter'],
  'smelter-ccs-hydro': ['smelter'], 'smelter-inert-anode-elysis-like': ['smelter'], 'hpa-us': ['smelter'],
  'invest-new-build': ['invest'], 'invest-ap60-retrofit': ['invest'],
  'cell-7d': ['simulate'], 'cell-7d-manual-quench': ['simulate'], 'cell-stuck-feeder': ['simulate'], 'cell-modulation': ['simulate'], 'outage-3h': ['simulate'],
  'outage-ladder': ['simulate'],
  'cell-process-faults': ['simulate'], 'cell-grade-cathode-failure': ['simulate'],
  // A frozen cell cut out of the line: the report shows the table of cut-out cells.
  'potline-cut-out': ['simulate'],
  // A feed stop on named cells (disturbance.cells).
  'potline-cell-feed-stop': ['simulate'],
  // A frozen cell cut out, repaired and cut in again (potline.cut_in): the cut-out table with its cut-in.
  'potline-cut-in': ['simulate'],
  // An anode out and a lost cover on named cells (disturbance.anode_problem_*, cover_loss_*).
  'potline-cell-upsets': ['simulate'],
  // A year of 300 cells takes minutes: the test runs 12 cells for 20 days (same case otherwise).
  'potline-year': ['simulate', '--set', 'run.duration=20 d', '--set', 'potline.cells=12'],
  // world-2024 with its flexible capacity (fleet.flex), so the page draws flex_capacity as well.
  'world': ['fleet'], 'world-2024': ['fleet', '--set', 'fleet.flex=heat_exchangers'], 'us-tariff-50': ['fleet'], 'world-elastic': ['fleet'], 'xinjiang-exclusion': ['fleet'],
  'cbam-2034': ['fleet'], 'world-path-2035': ['fleet'], 'world-data-centres': ['fleet'],
  'ccs-retrofit-gcc': ['fleet'], 'hpa-us-fleet': ['fleet'],
};
// Sweeps write a results store, not a run folder: `potline report STORE`. world-montecarlo runs
// 40 samples per scenario instead of 2000 (same case otherwise).
const sweeps = { 'sweep-small': [], 'world-montecarlo': ['--set', 'sweep.samples=40'] };
// potline flex has no --report: `potline flex CASE --out DIR` (the week with its operating envelope),
// then `potline report DIR`.
const flexRuns = { 'flex-day': [], 'flex-week-heat-exchangers': ['--envelope'], 'flex-week-insulated': ['--envelope'] };
// Charts whose title (the top title of the chart, or of a panel) must be on a page, beyond the mark
// counts every chart is checked for.
const expectedTitles = {
  // The published point: calibration targets told apart from independent checks (T7-24).
  'default': ['Model against the published operating point: calibration targets apart from independent checks'],
  // Sweep charts titled from the declared metrics, with units, and the world price (T7-30).
  'sweep-small': ['World price (lowest regional price) by scenario [USD/t]',
                  'Marginal cost (highest C1 of a producing smelter) by scenario [USD/t]',
                  "Tornado: World price (lowest regional price) swing across each input's 10-90 % range [USD/t]"],
  'flex-day': ['Power schedule against the price', 'Day-ahead price (holds over each step)',
               "Potline power: planned and as the dynamic model's cells drew it, optimised and flat",
               'Heat state of the optimised schedule with its limits', 'Side ledge thickness at the end of each step',
               'Superheat, mean over each step'],
  'flex-week-heat-exchangers': ['Power schedule against the price', 'Heat state of the optimised schedule with its limits',
                                'Operating envelope: how long each constant power holds within the limits'],
  'flex-week-insulated': ['Power schedule against the price', 'Heat state of the optimised schedule with its limits',
                          'Operating envelope: how long each constant power holds within the limits'],
  'world-2024': ['Industry cost curve: C1 cash cost against cumulative capacity',
                 'Flexible capacity by region: power drawn and power that can be moved',
                 'Flexible capacity by technology: hours the level holds down and up'],
  'world-path-2035': ['Scenario years 2024-2035: prices, production by region, CBAM and EUA',
                      'Regional aluminium prices by year (trade LP)', 'Production by region (stacked)',
                      "CBAM cost of each region's metal if sold into the EU (route actual)",
                      'EU emission allowance (EUA) price of the path'],
  'ccs-retrofit-gcc': ['Carbon capture retrofitted on named smelters (ccs_retrofit.csv)', 'C1 cash cost with and without capture',
                       'CBAM cost of the smelter\'s metal sold into the EU'],
  'hpa-us-fleet': ['High-purity metal: smelters\' own grade and the upgrading line (hpa.csv)',
                   'Share of each smelter\'s own metal that meets the product grade, and where it goes'],
  'cell-grade-cathode-failure': ['Metal grade over time: every tap\'s Fe and Si against the grade limits',
                                 'Fe of each tap, with the grades\' Fe maxima'],
  // A retrofit leads with its decision, the gain over keeping the old cells; the plant's charts say
  // they are not that gain (T14-3).
  'invest-ap60-retrofit': ['Retrofit against keeping the old cells: cash-flow difference by year and cumulative discounted gain',
                           'Retrofit against keeping the old cells: NPV of the gain against the power price (every year of both plans at it)',
                           "The plant with the new cells (not the retrofit's gain): cash flows and cumulative discounted cash flow",
                           "The plant with the new cells (not the retrofit's gain): NPV against the power price"],
};
// Subtitles (their start) that must be drawn on a page, in this order among the page's subtitles:
// the first is the page's first chart.
const expectedSubtitles = {
  'invest-ap60-retrofit': ['retrofit against keeping the old cells: NPV -391.9 M USD at WACC 8.0 %, IRR 2.17 % (below the WACC), '
                           + 'break-even 102.9 USD/MWh (the retrofit pays above it)',
                           'retrofit against keeping the old cells: break-even 102.9 USD/MWh (the retrofit pays above it)',
                           "AP60 retrofit of an old 170 kA smelter: the plant with the new cells, not the retrofit's gain: NPV 662.0 M USD",
                           "AP60 retrofit of an old 170 kA smelter: the plant with the new cells, not the retrofit's gain: break-even 66.2 USD/MWh"],
};
// Legend entries that must be drawn on a page (a chart whose series are split, e.g. stacked).
const expectedLegends = {
  'default': ['calibration target (0 % by construction at the published point)', 'input (the case runs at it)'],
  'hpa-us-fleet': ['sold at the grade premium', 'fed to the HPA line', 'below the grade'],
  // The power schedule as planned and as the dynamic model's cells drew it; the heat state of the
  // reduced model against the dynamic model's.
  'flex-day': ['optimised, planned', 'optimised, delivered (dynamic model)', 'flat, planned', 'flat, delivered (dynamic model)',
               'reduced model', 'dynamic model (re-simulation)'],
  'flex-week-heat-exchangers': ['optimised, planned', 'optimised, delivered (dynamic model)'],
};
// Tables (their h3 title's start) that must be on a page with at least one row, and row labels (first
// cell) that must be in them.
const expectedTables = {
  'flex-day': { 'Value against the flat schedule: planned (reduced model) and delivered': [
    'savings_eur', 'savings_percent_of_power_cost', 'savings_eur_per_t', 'energy_shifted_MWh', 'round_trip_efficiency',
    'sec_change_percent', 'current_efficiency_change_points', 'savings_net_of_anode_effects_eur'] },
  'flex-week-heat-exchangers': { 'Value against the flat schedule: planned (reduced model) and delivered': ['savings_eur'] },
};
// Pages whose heat-state chart draws the window's limits: at least this many rule marks (ledge and
// superheat, minimum and maximum).
const expectedLimitRules = { 'flex-day': 4, 'flex-week-heat-exchangers': 4, 'flex-week-insulated': 4 };

// Pages that must show the disturbance-window table (summary event_windows), checked to fit the page.
const windowTablePages = { 'outage-3h': true, 'outage-ladder': true, 'cell-stuck-feeder': true, 'potline-cut-out': true };

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ': ' + detail : ''}`);
}

for (const file of readdirSync(path.join(sourceDir, 'examples')).filter((f) => f.endsWith('.toml'))) {
  const name = file.replace(/\.toml$/, '');
  const covered = name in examples || name in sweeps || name in flexRuns;
  check(`${name} is covered`, covered, covered ? '' : 'add it to tests/browser/render_reports.mjs');
}

const only = process.env.POTLINE_BROWSER_ONLY ? new RegExp(process.env.POTLINE_BROWSER_ONLY) : null;
const wanted = (name) => !only || only.test(name);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const pages = [];
for (const [name, [command, ...extra]] of Object.entries(examples)) {
  if (!wanted(name)) continue;
  const run = path.join(outDir, name);
  try {
    execFileSync(potline, [command, path.join('examples', name + '.toml'), ...extra, '--out', run, '--report'],
                 { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] });
    pages.push({ name, file: path.join(run, 'report.html') });
  } catch (e) {
    check(`${name} runs`, false, `${e.message}\n${e.stderr}`);
  }
}
for (const [name, extra] of Object.entries(sweeps)) {
  if (!wanted(name)) continue;
  const store = path.join(outDir, name + '.sqlite');
  const file = path.join(outDir, name + '.html');
  try {
    execFileSync(potline, ['sweep', path.join('examples', name + '.toml'), ...extra, '--out', store, '--threads', '2'],
                 { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync(potline, ['report', store, '--out', file], { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] });
    pages.push({ name, file });
  } catch (e) {
    check(`${name} runs`, false, `${e.message}\n${e.stderr}`);
  }
}
for (const [name, extra] of Object.entries(flexRuns)) {
  if (!wanted(name)) continue;
  const run = path.join(outDir, name);
  try {
    execFileSync(potline, ['flex', path.join('examples', name + '.toml'), ...extra, '--out', run],
                 { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync(potline, ['report', run], { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] });
    pages.push({ name, file: path.join(run, 'report.html') });
  } catch (e) {
    check(`${name} runs`, false, `${e.message}\n${e.stderr}`);
  }
}
// A run a physical guard stopped (exit 1, summary "complete": false): `potline report DIR` draws the
// series to the stop under a "Stopped at ..." banner (user trial T11-11).
if (wanted('stopped-outage-8h')) {
  const run = path.join(outDir, 'stopped-outage-8h');
  try {
    execFileSync(potline, ['simulate', path.join('examples', 'outage-3h.toml'), '--set', 'potline.outage_duration=8 h',
                           '-q', '--out', run], { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] });
    check('stopped-outage-8h stops', false, 'the 8 h outage ran to its end');
  } catch (e) {
    check('stopped-outage-8h stops with exit 1', e.status === 1, e.status === 1 ? '' : `${e.message}\n${e.stderr}`);
  }
  try {
    execFileSync(potline, ['report', run], { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] });
    const html = readFileSync(path.join(run, 'report.html'), 'utf8');
    check('stopped-outage-8h: the banner names the stop', /Stopped at [0-9.]+ h: bath frozen \(cell 0\)/.test(html), '');
    pages.push({ name: 'stopped-outage-8h', file: path.join(run, 'report.html') });
  } catch (e) {
    check('stopped-outage-8h report', false, `${e.message}\n${e.stderr}`);
  }
}
// --vary run folders (command "vary"): a numeric range with a unit, and text values (technologies)
// beside a range, one chart per varied key; an invest range where some outputs are null.
const varies = {
  'vary-smelter-power': ['smelter', 'smelter-us-old-grid', '--vary', 'prices.power=30:60:10 USD/MWh'],
  'vary-cell-technology': ['cell', 'default', '--vary', 'case.technology=AP40,AP60,DX+', '--vary', 'operation.acd=3.5:5:0.5 cm'],
  'vary-invest-wacc': ['invest', 'invest-new-build', '--vary', 'investment.wacc=4:20:4 %'],
};
for (const [name, [command, example, ...extra]] of Object.entries(varies)) {
  if (!wanted(name)) continue;
  const run = path.join(outDir, name);
  try {
    execFileSync(potline, [command, path.join('examples', example + '.toml'), ...extra, '--out', run, '--report'],
                 { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] });
    pages.push({ name, file: path.join(run, 'report.html') });
  } catch (e) {
    check(`${name} runs`, false, `${e.message}\n${e.stderr}`);
  }
}
// Several runs in one report: for runs of one command, side-by-side charts and the comparison
// table after the runs' own charts; runs of different commands side by side without comparison.
const multiRun = {
  'compare-quench': ['cell-7d', 'cell-7d-manual-quench'],
  'compare-fleet': ['world', 'us-tariff-50', 'xinjiang-exclusion'],
  'compare-smelter': ['smelter-us-old-grid', 'smelter-ca-hydro'],
  'compare-cell': ['default', 'custom-design'],
  'compare-invest': ['invest-new-build', 'invest-ap60-retrofit'],
  'mixed-commands': ['default', 'invest-new-build', 'outage-3h', 'world'],
  'compare-flex': ['flex-day', 'flex-week-heat-exchangers'],
};
for (const [name, runs] of Object.entries(multiRun)) {
  if (!wanted(name)) continue;
  const file = path.join(outDir, name + '.html');
  try {
    execFileSync(potline, ['report', ...runs.map((r) => path.join(outDir, r)), '--out', file],
                 { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] });
    pages.push({ name, file });
  } catch (e) {
    check(`${name} report`, false, `${e.message}\n${e.stderr}`);
  }
}

// potline compare --report: the comparison's page (the same as potline report A B).
if (wanted('compare-report-quench')) try {
  const file = path.join(outDir, 'compare-report-quench.html');
  execFileSync(potline, ['compare', path.join(outDir, 'cell-7d'), path.join(outDir, 'cell-7d-manual-quench'), '--report', file],
               { cwd: sourceDir, stdio: ['ignore', 'pipe', 'pipe'] });
  pages.push({ name: 'compare-report-quench', file });
} catch (e) {
  check('compare --report', false, `${e.message}\n${e.stderr}`);
}

/// Static checks: what the file would fetch or show before any script runs.
function staticChecks(name, html) {
  const withoutLibraries = html.replace(/<script data-asset="[a-z_]+">[\s\S]*?<\/script>/g, '');
  const urls = withoutLibraries.match(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'<)]*/gi) || [];
  check(`${name}: no URL outside the embedded libraries`, urls.length === 0, urls.slice(0, 3).join(' '));
  const fetching = withoutLibraries.match(/<(script|img|link|iframe)\b[^>]*\b(src|href)\s*=/gi) || [];
  check(`${name}: no src/href on script, img, link or iframe`, fetching.length === 0, fetching.slice(0, 3).join(' '));
  const nonFinite = withoutLibraries.match(/\b(NaN|-?Infinity)\b/g) || [];
  check(`${name}: no NaN or Infinity`, nonFinite.length === 0, nonFinite.slice(0, 3).join(' '));
}

/// RFC 4180 records (quoted fields with commas, doubled quotes, line breaks), as potline writes them.
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; } else if (ch === '\n') { record.push(field); records.push(record); record = []; field = ''; } else field += ch;
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

/// The world map of a fleet run against its cost_curve.csv, read here on its own: one circle per row
/// with coordinates, and every other row (aggregates, smelters without a site) in "Not on the map".
async function checkWorldMap(name, page, costCurveFile) {
  const [header, ...records] = parseCsv(readFileSync(costCurveFile, 'utf8'));
  const lat = header.indexOf('lat_deg');
  const lon = header.indexOf('lon_deg');
  const located = records.filter((r) => r[lat] !== '' && r[lon] !== '').length;
  const rows = records.length;
  const seen = await page.evaluate(() => {
    const charts = JSON.parse(document.getElementById('potline-charts').textContent);
    const map = charts.find((c) => c.spec.projection);
    const marks = map ? Array.from(document.querySelectorAll(`#${map.id} svg g.role-mark[class*=" primary"]`))
      .reduce((n, g) => n + g.children.length, 0) : 0;
    const table = Array.from(document.querySelectorAll('h3')).find((h) => h.textContent.startsWith('Not on the map'));
    const listed = table ? table.nextElementSibling.querySelectorAll('tbody tr').length : -1;
    return { marks, listed, title: table ? table.textContent : '' };
  });
  check(`${name}: every cost-curve row with coordinates is on the map`, seen.marks === located,
        `${seen.marks} circles, ${located} rows with lat_deg and lon_deg`);
  check(`${name}: every other row is listed as not on the map`, seen.listed === rows - located,
        `${seen.listed} listed, ${rows - located} without coordinates (${seen.title})`);
}

const nodeModules = process.env.POTLINE_NODE_MODULES || path.join(sourceDir, 'node_modules');
const require = createRequire(path.join(sourceDir, 'package.json'));
const { chromium: driver } = require(path.join(nodeModules, 'playwright-core'));
const browser = await driver.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const { name, file } of pages) {
    const html = readFileSync(file, 'utf8');
    staticChecks(name, html);
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, offline: true });
    const page = await context.newPage();
    const errors = [];
    const requests = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto('file://' + path.resolve(file));
    try {
      await page.waitForFunction(() => window.potlineReport && window.potlineReport.done, null, { timeout: 60000 });
    } catch (e) {
      check(`${name}: charts finish drawing`, false, String(e));
    }
    const status = await page.evaluate(() => window.potlineReport);
    check(`${name}: every chart drawn`, status && status.failed.length === 0 && status.rendered === status.charts && status.charts > 0,
          JSON.stringify(status));
    const charts = await page.$$eval('div.chart', (divs) => divs.map((d) => ({
      id: d.id,
      svg: d.querySelectorAll('svg').length,
      expected: Number(d.dataset.expectedMarks),
      marks: Array.from(d.querySelectorAll(`svg g.role-mark[class*=" ${d.dataset.primary}"]`))
        .reduce((n, g) => n + g.children.length, 0),
    })));
    for (const c of charts) {
      check(`${name} ${c.id}: SVG with ${c.expected} marks`, c.svg === 1 && c.marks === c.expected,
            `svg ${c.svg}, marks ${c.marks}`);
    }
    // Every chart fits the 1100-px page (user trial T16-12: one-line subtitles ran past the chart and were
    // cut off, the caveat with them; the mixed-commands report drew a chart 1393 px wide, flex's stacked
    // charts, whose subtitle lines were built by hand, 1106-1727 px).
    const wide = await page.$$eval('div.chart svg', (svgs) => svgs
      .map((s) => ({ id: s.closest('div.chart').id, width: Math.round(s.getBoundingClientRect().width),
                     right: Math.round(s.getBoundingClientRect().right) }))
      .filter((c) => c.right > document.documentElement.clientWidth));
    check(`${name}: every chart fits the page at 1100 px`, wide.length === 0, JSON.stringify(wide.slice(0, 3)));
    if (name in expectedTitles) {
      const titles = await page.$$eval('div.chart svg .role-title-text text', (ts) => ts.map((t) => t.textContent));
      for (const title of expectedTitles[name]) {
        check(`${name}: chart "${title}" drawn`, titles.includes(title), titles.includes(title) ? '' : titles.join(' | '));
      }
    }
    if (name in expectedSubtitles) {
      // A wrapped subtitle is one text of several tspans (a line each): its lines joined by a space.
      const subtitles = await page.$$eval('div.chart svg .role-title-subtitle text', (ts) => ts.map((t) => {
        const lines = Array.from(t.querySelectorAll('tspan'));
        return lines.length > 0 ? lines.map((l) => l.textContent.trim()).join(' ') : t.textContent;
      }));
      expectedSubtitles[name].forEach((start, i) => {
        const ok = subtitles.length > i && subtitles[i].startsWith(start);
        check(`${name}: chart ${i + 1}'s subtitle "${start}" drawn`, ok, ok ? '' : subtitles.join(' | '));
      });
    }
    if (name in expectedLegends) {
      const labels = await page.$$eval('div.chart svg .role-legend-label text', (ts) => ts.map((t) => t.textContent));
      for (const label of expectedLegends[name]) {
        check(`${name}: legend "${label}" drawn`, labels.includes(label), labels.includes(label) ? '' : labels.join(' | '));
      }
    }
    if (name in expectedTables) {
      for (const [start, labels] of Object.entries(expectedTables[name])) {
        const rows = await page.evaluate((prefix) => {
          const h = Array.from(document.querySelectorAll('h3')).find((x) => x.textContent.startsWith(prefix));
          if (!h) return null;
          return Array.from(h.nextElementSibling.querySelectorAll('tbody tr')).map((tr) => tr.children[0].textContent);
        }, start);
        check(`${name}: table "${start}" shown`, rows !== null && rows.length > 0, rows === null ? 'no such table' : '');
        for (const label of labels) {
          const has = rows !== null && rows.includes(label);
          check(`${name}: table "${start}" has row ${label}`, has, has || rows === null ? '' : rows.join(' | '));
        }
      }
    }
    if (name in expectedLimitRules) {
      const rules = await page.$$eval('div.chart svg g.mark-rule.role-mark', (gs) => gs.reduce((n, g) => n + g.children.length, 0));
      check(`${name}: the window's limits drawn (at least ${expectedLimitRules[name]} rules)`, rules >= expectedLimitRules[name],
            `${rules} rules`);
    }
    // The comparison table lists only metrics that differ at its printed precision (6 significant
    // digits): a row whose runs print the same value is rounding noise (a change of -4.5e-13).
    const comparison = await page.evaluate(() => {
      const h = Array.from(document.querySelectorAll('h3')).find((x) => x.textContent.startsWith('Comparison of'));
      if (!h) return null;
      const runs = Number((h.textContent.match(/Comparison of (\d+) runs/) || [])[1]);
      const rows = Array.from(h.nextElementSibling.querySelectorAll('tbody tr'))
        .map((tr) => Array.from(tr.children).map((td) => td.textContent));
      return { runs, rows };
    });
    if (comparison) {
      const same = comparison.rows.filter((r) => r.slice(1, 1 + comparison.runs).every((v) => v === r[1]));
      check(`${name}: comparison lists only metrics that differ at the printed precision`,
            comparison.rows.length > 0 && same.length === 0, same.slice(0, 3).map((r) => r.join(' ')).join(' | '));
    }
    // The disturbance-window table fits the page at 1100 px (T13-12.8: 21 columns under their key names
    // scrolled sideways, min_superheat_K and the recovery cut off in print and screenshots).
    const windowTable = await page.evaluate(() => {
      const h = Array.from(document.querySelectorAll('h3')).find((x) => x.textContent.startsWith('Disturbance windows'));
      if (!h) return null;
      const table = h.nextElementSibling;
      return { width: table.getBoundingClientRect().width, right: table.getBoundingClientRect().right,
               container: table.parentElement.clientWidth, page: document.documentElement.clientWidth,
               pageScroll: document.documentElement.scrollWidth, columns: table.querySelectorAll('thead th').length };
    });
    if (name in windowTablePages) {
      check(`${name}: disturbance-window table shown`, windowTable !== null, 'no "Disturbance windows" table');
    }
    if (windowTable) {
      check(`${name}: disturbance-window table fits the page at 1100 px`,
            windowTable.width <= windowTable.container && windowTable.right <= windowTable.page, JSON.stringify(windowTable));
    }
    const costCurve = path.join(path.dirname(file), 'cost_curve.csv');
    if (path.basename(file) === 'report.html' && existsSync(costCurve)) await checkWorldMap(name, page, costCurve);
    check(`${name}: no console or page error`, errors.length === 0, errors.slice(0, 3).join(' | '));
    check(`${name}: no network request`, requests.length === 0, requests.slice(0, 3).join(' '));
    await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
    await context.close();
  }
} finally {
  await browser.close();
}

const failed = results.filter((r) => !r.ok).length;
writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));
console.log(`screenshots and reports in ${outDir}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
