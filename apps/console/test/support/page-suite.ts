import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_WEB_ROOT } from '../../src/config';
import { launchChromium, openConsolePage, type Browser } from './browser';
import { startConsoleLab, type ConsoleLabOptions, type ConsoleLab } from './console-lab';

/** Where the page tests write their screenshots. */
export const OUTPUT_DIR = path.join(__dirname, '..', '..', 'test-output');

/** A lab, a browser and the console page open on it: what every page test starts from. */
export interface PageSuite {
  lab: ConsoleLab;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
}

/**
 * Starts the lab, runs `warmUp` against its console (unrecorded traffic, so first-request costs
 * stay out of the verdicts the test reads), then opens the page. Fails when the page is not built.
 */
export async function startPageSuite(options: ConsoleLabOptions, warmUp: (consoleUrl: string) => Promise<void>): Promise<PageSuite> {
  if (!existsSync(path.join(DEFAULT_WEB_ROOT, 'index.html'))) throw new Error('the page is not built: run npm run build -w @tracecart/console first');
  const browser = await launchChromium();
  let lab: ConsoleLab | undefined;
  try {
    lab = await startConsoleLab(options);
    await warmUp(lab.console.url);
    const page = await openConsolePage(browser, lab.console.url);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const started = lab;
    return { lab, browser, page, stop: async () => { await browser.close(); await started.stop(); } };
  } catch (error) {
    await browser.close();
    await lab?.stop();
    throw error;
  }
}
