// Issue 17: one problem end to end in the page. Switch problem.sync-cpu on from the Switches
// panel, place a burst of checkouts from the shop, read the verdict of the newest one's waterfall
// (a blocked event loop, named from nodejs.eventloop.delay), turn fix.offload on from the panel,
// and see the finding gone from the next burst's verdict. A file of its own: the seq-scan page
// test needs a catalog large enough that scans would outweigh the event loop here.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { EVIDENCE, fixAttributeOf, problemAttributeOf } from '@tracecart/contracts';
import { requestJson } from '@tracecart/testkit';
import { openWaterfallAndReadVerdict } from './support/browser';
import type { ConsoleLab } from './support/console-lab';
import { OUTPUT_DIR, startPageSuite, type PageSuite } from './support/page-suite';
import { waitForGatewayToRecord } from './support/lab-traffic';
import { waitFor } from './support/wait-for';

// Small: every lookup is quick, so the receipts' signing is what a concurrent checkout waits for.
const CATALOG_SIZE = 3000;
// Chromium opens at most six connections to one host, so six checkouts really run side by side
// and the last to answer has queued behind the others' signing.
const BURST = 6;
// A burst's traces are real ones on a shared machine: another stall can be the slowest part, and
// the newest line is not always the one that queued longest, so the page gets a few bursts.
const MAX_BURSTS = 6;
const FINDING = 'blocked event loop';
const SIGN_RECEIPT_SPAN = 'sign receipt';

/** Flips a switch from its row in the Switches panel and waits until its chip shows the new state. */
async function toggleFromPanel(page: Page, name: string, state: 'on' | 'off'): Promise<void> {
  await page.click(`label[for="toggle-${name}"]`);
  await page.locator(`[id="state-${name}"]`, { hasText: new RegExp(`^${state}$`) }).waitFor({ timeout: 30_000 });
}

/**
 * Clicks the long-tail preset BURST times in one task, so the checkouts leave together, and waits
 * for all their result lines. Every one succeeds. Returns the newest line's trace id: the last to answer.
 */
async function placeBurst(page: Page): Promise<string> {
  const results = page.locator('#shop-results .result');
  // The shop keeps only its latest lines, so new ones are told apart by trace id, not by count.
  const seen = await results.evaluateAll((lines) => lines.map((line) => line.getAttribute('data-trace-id')));
  await page.locator('#preset-longtail').evaluate((button, clicks) => {
    for (let i = 0; i < clicks; i++) button.click();
  }, BURST);
  await waitFor(
    `${BURST} new result lines`,
    async () => {
      const ids = await results.evaluateAll((lines) => lines.map((line) => line.getAttribute('data-trace-id')));
      return ids.filter((id) => !seen.includes(id)).length >= BURST ? true : undefined;
    },
    30_000,
  );
  const badges = await results.locator('.badge').evaluateAll((all, count) => all.slice(0, count).map((badge) => badge.textContent), BURST);
  expect(badges).toEqual(Array(BURST).fill('201'));
  const traceId = await results.first().getAttribute('data-trace-id');
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  return traceId as string;
}

/** Opens the newest result's waterfall and returns its verdict once every service's spans are in. */
async function openNewestAndReadVerdict(page: Page, traceId: string): Promise<string> {
  return openWaterfallAndReadVerdict(page, page.locator('#shop-results .result').first(), traceId);
}

describe('one problem end to end in headless Chromium: problem.sync-cpu and fix.offload', () => {
  let suite: PageSuite;
  let lab: ConsoleLab;
  let page: Page;

  beforeAll(async () => {
    suite = await startPageSuite({ catalogSize: CATALOG_SIZE }, async (consoleUrl) => {
      // One unrecorded burst with every switch off opens the services' pooled connections, so the
      // bursts below show the checkouts' work, not first connections.
      const warmUp = await Promise.all(
        Array.from({ length: BURST }, (_, k) => requestJson(`${consoleUrl}/api/checkout`, { body: { customerId: `c-warm-${k}`, items: [{ sku: `SKU-00000${10 + k}`, quantity: 1 }] } })),
      );
      for (const answer of warmUp) expect(answer.status).toBe(201);
    });
    ({ lab, page } = suite);
  }, 90_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('names the blocked event loop from its evidence, then no longer once fix.offload is on', async () => {
    await toggleFromPanel(page, 'problem.sync-cpu', 'on');
    await waitForGatewayToRecord(lab.console.url, problemAttributeOf('problem.sync-cpu'), true);

    // The verdict names the slowest part of a real run; on a busy 2-core machine another stall can
    // be that once, so the page gets a few bursts to show the blocked loop. Each verdict is real.
    let before = '';
    for (let burst = 1; burst <= MAX_BURSTS && !before.includes(FINDING); burst++) {
      before = await openNewestAndReadVerdict(page, await placeBurst(page));
    }
    // A culprit line names the switch; when a busy machine spreads the stalls so that no group
    // holds half the path, the line still says what was seen, but names no switch.
    expect(before).toMatch(new RegExp(`^gateway\\b.*${FINDING} → try fix\\.offload|^no single culprit\\b.* · seen: ${FINDING} on gateway · `));
    // Named from the evidence: the loop's recorded stalls, and the childless span that held it.
    expect(before).toContain(`(${EVIDENCE.ATTR_EVENT_LOOP_DELAY_TOTAL}, longest `);
    expect(before).toMatch(new RegExp(`· ${SIGN_RECEIPT_SPAN}( \\(and \\d+ more\\))?: [\\d.]+ (ms|s) self time, no child`));
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'page-problem-before-fix.png'), fullPage: true });

    await toggleFromPanel(page, 'fix.offload', 'on');
    await waitForGatewayToRecord(lab.console.url, fixAttributeOf('fix.offload'), true);

    const after = await openNewestAndReadVerdict(page, await placeBurst(page));
    // The receipt was still signed in this trace, on the thread pool now: the finding is gone, not the work.
    expect(await page.locator('.wf-row .wf-name', { hasText: SIGN_RECEIPT_SPAN }).count()).toBeGreaterThan(0);
    expect(after).not.toContain(FINDING);
    expect(after).not.toContain('try fix.offload');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'page-problem-after-fix.png'), fullPage: true });
    expect(lab.reconcilerErrors).toEqual([]);
  }, 240_000);
});
