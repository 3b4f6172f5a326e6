// Drives JupyterLab in headless Chromium and checks what a user sees of the kernel's outputs.
//
//   node lab_check.mjs plan.json
//
// The plan (written by tests/test_browser.py) names the running JupyterLab, the notebooks to
// open and, per cell, the texts that must be visible and the error expected (or none):
//
//   {"base_url": "http://127.0.0.1:8888", "token": "...", "chromium": "/usr/bin/chromium",
//    "artifacts": "dir for screenshots", "theme_shots": "dir for card_light/dark.png" | null,
//    "theme_cell": index of the cell whose card the theme shots show,
//    "run" (optional): {"notebook": "run.ipynb", "cells": [{"name", "shows": [...], "hides": [...], "error": null | "ValueError",
//            "selector": null | "css selector that must be visible",
//            "answer": null | "text typed into the input field the cell opens"}]},
//    "untrusted" (optional): {"notebook": "saved.ipynb", "cells": [...same...]},
//    "tutorial": {"notebook": "01_....ipynb", "code_cells": [indices], "errors": [indices of cells
//                 meant to raise], "charts": [indices of cells that show a chart]} | absent}
//
// Prints one line per check and exits with 1 when any check failed.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const failures = [];
const CELL_TIMEOUT_MS = 240_000;

function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'arraylib-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: plan.chromium,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
  viewport: { width: 1100, height: 900 },
  deviceScaleFactor: 1,
});
context.setDefaultTimeout(60_000);
const page = context.pages()[0] ?? (await context.newPage());
page.on('pageerror', (e) => console.log(`page error: ${e.message}`));

/** Opens a notebook and waits until its kernel is connected and idle. */
async function openNotebook(name) {
  await page.goto(`${plan.base_url}/lab/tree/${encodeURIComponent(name)}?token=${plan.token}`);
  await page.waitForFunction(() => window.jupyterapp && window.jupyterapp.shell, null, {
    timeout: 120_000,
  });
  await page.waitForFunction(
    (name) => {
      const w = window.jupyterapp.shell.currentWidget;
      return (
        w &&
        w.context &&
        w.context.path.endsWith(name) &&
        w.content &&
        w.content.widgets.length > 0 &&
        w.sessionContext.session?.kernel?.status === 'idle'
      );
    },
    name,
    { timeout: 120_000 },
  );
  // Let the outputs of a saved notebook render.
  await page.waitForTimeout(500);
}

/** Runs the cells one by one (an error does not stop the next), each until the kernel is idle;
 * `answers[i]` is typed into the input field cell `i` opens. */
async function runAll(count, answers = {}) {
  await runCells([...Array(count).keys()], answers);
}

/** Runs the cells at these indices, in order, each until the kernel is idle. */
async function runCells(indices, answers = {}) {
  for (const i of indices) {
    const answer = answers[i];
    await page.evaluate(
      async ([i, waits]) => {
        const w = window.jupyterapp.shell.currentWidget;
        w.content.activeCellIndex = i;
        const run = window.jupyterapp.commands.execute('notebook:run-cell');
        // A cell that asks for input finishes only once it is answered, below.
        if (!waits) await run;
      },
      [i, answer !== undefined && answer !== null],
    );
    if (answer !== undefined && answer !== null) {
      const field = page
        .locator('.jp-NotebookPanel:visible .jp-Notebook .jp-Cell')
        .nth(i)
        .locator('.jp-Stdin-input');
      await field.waitFor({ state: 'visible', timeout: CELL_TIMEOUT_MS });
      check(true, `cell ${i}: the kernel's input request shows an input field`);
      await field.fill(answer);
      await field.press('Enter');
    }
    await page.waitForFunction(
      (i) => {
        const w = window.jupyterapp.shell.currentWidget;
        return (
          w.content.widgets[i].model.executionCount !== null &&
          w.sessionContext.session?.kernel?.status === 'idle'
        );
      },
      i,
      { timeout: CELL_TIMEOUT_MS, polling: 250 },
    );
  }
  await page.waitForTimeout(500);
}

/** Checks the outputs of each cell against its expectation; screenshots each output. */
async function checkCells(cells, tag) {
  const cellNodes = page.locator('.jp-NotebookPanel:visible .jp-Notebook .jp-Cell');
  for (let i = 0; i < cells.length; i++) {
    const want = cells[i];
    const cell = cellNodes.nth(i);
    const out = cell.locator('.jp-OutputArea');
    await cell.scrollIntoViewIfNeeded();
    const text = await out.innerText();
    for (const s of want.shows) {
      check(text.includes(s), `${tag} ${want.name}: shows ${JSON.stringify(s)}`);
    }
    for (const s of want.hides ?? []) {
      check(!text.includes(s), `${tag} ${want.name}: does not show ${JSON.stringify(s)}`);
    }
    const errors = out.locator('[data-mime-type="application/vnd.jupyter.stderr"]');
    const nErrors = await errors.count();
    if (want.error) {
      const errText = nErrors > 0 ? await errors.first().innerText() : '';
      check(
        errText.includes(want.error),
        `${tag} ${want.name}: error output shows ${want.error}`,
      );
    } else {
      check(nErrors === 0, `${tag} ${want.name}: no error output`);
    }
    if (want.selector) {
      const visible = await out.locator(want.selector).first().isVisible();
      check(visible, `${tag} ${want.name}: ${want.selector} is visible`);
    }
    if (!want.error && !text.trim() && want.shows.length === 0) {
      check(false, `${tag} ${want.name}: has output`);
    }
    await cell.screenshot({ path: path.join(plan.artifacts, `${tag}_${want.name}.png`) });
  }
  await page.screenshot({ path: path.join(plan.artifacts, `${tag}_page.png`), fullPage: true });
}

/** Opens a tutorial, runs its code cells as a reader would, and checks errors and charts. */
async function checkTutorial(t) {
  await openNotebook(t.notebook);
  const started = Date.now();
  await runCells(t.code_cells);
  console.log(`${t.notebook}: ran ${t.code_cells.length} code cells in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  const cellNodes = page.locator('.jp-NotebookPanel:visible .jp-Notebook .jp-Cell');
  for (const i of t.code_cells) {
    const out = cellNodes.nth(i).locator('.jp-OutputArea');
    const nErrors = await out.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count();
    const wanted = t.errors.includes(i);
    check(wanted ? nErrors > 0 : nErrors === 0, `tutorial cell ${i}: ${wanted ? 'shows its error' : 'no error output'}`);
  }
  for (const i of t.charts) {
    const img = cellNodes.nth(i).locator('.jp-OutputArea img').first();
    await img.scrollIntoViewIfNeeded();
    const size = await img.evaluate((el) => [el.naturalWidth, el.getBoundingClientRect().height]);
    check(size[0] > 100 && size[1] > 50, `tutorial cell ${i}: chart is visible (${size[0]} px wide image, ${Math.round(size[1])} px tall on the page)`);
  }
  await page.screenshot({ path: path.join(plan.artifacts, 'tutorial_page.png'), fullPage: true });
}

async function setTheme(theme) {
  await page.evaluate(
    (theme) => window.jupyterapp.commands.execute('apputils:change-theme', { theme }),
    theme,
  );
  await page.waitForFunction(
    (dark) => document.body.dataset.jpThemeLight === (dark ? 'false' : 'true'),
    theme.includes('Dark'),
  );
  await page.waitForTimeout(800);
}

/** The array card of the cell `plan.theme_cell`, in both themes. */
async function themeShots(dir) {
  const card = page
    .locator('.jp-NotebookPanel:visible .jp-Notebook .jp-Cell')
    .nth(plan.theme_cell)
    .locator('.np-array')
    .first();
  // The card's own box, not the whole output area, so the image stays small.
  const box = card.locator(':scope > div').last();
  for (const [theme, file] of [
    ['JupyterLab Light', 'card_light.png'],
    ['JupyterLab Dark', 'card_dark.png'],
  ]) {
    await setTheme(theme);
    await box.scrollIntoViewIfNeeded();
    await box.screenshot({ path: path.join(dir, file) });
    console.log(`wrote ${path.join(dir, file)}`);
  }
  await setTheme('JupyterLab Light');
}

/** Runs the plan's notebook of small cells and checks each output; theme screenshots. */
async function checkRun() {
  await openNotebook(plan.run.notebook);
  const answers = Object.fromEntries(
    plan.run.cells.map((c, i) => [i, c.answer]).filter(([, a]) => a !== null && a !== undefined),
  );
  await runAll(plan.run.cells.length, answers);
  await checkCells(plan.run.cells, 'run');
  await setTheme('JupyterLab Dark');
  await page.screenshot({ path: path.join(plan.artifacts, 'run_page_dark.png'), fullPage: true });
  await setTheme('JupyterLab Light');
  if (plan.theme_shots) {
    await themeShots(plan.theme_shots);
  }
}

/** Opens the saved, untrusted notebook and checks what still shows. */
async function checkUntrusted() {
  await openNotebook(plan.untrusted.notebook);
  const trusted = await page.evaluate(() =>
    window.jupyterapp.shell.currentWidget.content.widgets
      .filter((c) => c.model.type === 'code')
      .map((c) => c.model.trusted),
  );
  check(
    trusted.length > 0 && trusted.every((t) => t === false),
    `untrusted notebook's cells are untrusted (${JSON.stringify(trusted)})`,
  );
  await checkCells(plan.untrusted.cells, 'untrusted');
}

try {
  if (plan.tutorial) {
    await checkTutorial(plan.tutorial);
  }
  if (plan.run) {
    await checkRun();
  }
  if (plan.untrusted) {
    await checkUntrusted();
  }
} catch (e) {
  check(false, `browser run: ${e.stack || e}`);
  await page.screenshot({ path: path.join(plan.artifacts, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all browser checks passed');
