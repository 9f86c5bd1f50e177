import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's chromium: CI installs it with `apt-get install -y chromium`. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** A headless Chromium with a fresh profile; close() also removes the profile. */
export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Debian's Chromium, or fails saying how to install it (a missing browser is no reason to skip). */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's browser with "apt-get update && apt-get install -y chromium"`);
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'tracecart-chromium-'));
  try {
    // launchPersistentContext passes the fresh profile as --user-data-dir.
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Opens a shop result's waterfall and returns the verdict line, once the page has every
 * service's spans of that trace (it waits for them before it draws the verdict).
 */
export async function openWaterfallAndReadVerdict(page: Page, result: Locator, traceId: string): Promise<string> {
  await result.locator('.open-waterfall').click();
  await page.locator(`#waterfall-body[data-trace-id="${traceId}"][data-complete="true"]`).waitFor({ timeout: 20_000 });
  return (await page.locator('#verdict-line').textContent()) ?? '';
}

/** A new tab on the console, once the page says it is ready. */
export async function openConsolePage(browser: Browser, consoleUrl: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(consoleUrl);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}
