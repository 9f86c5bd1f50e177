import path from 'node:path';
import type { Page } from 'playwright-core';
import { requestJson } from '@tracecart/testkit';
import { openWaterfallAndReadVerdict } from './support/browser';
import type { ConsoleLab } from './support/console-lab';
import { OUTPUT_DIR, startPageSuite, type PageSuite } from './support/page-suite';

// Large enough that a sequential scan of products is the slowest thing in a checkout.
const CATALOG_SIZE = 500_000;
// A scan of that catalog takes longer than this, so every unindexed lookup gets its query plan.
const STACK_ENV = { TRACING_EXPLAIN_MS: '5' };

/** Clicks a preset in the shop, opens the new result's waterfall and returns its verdict line. */
async function checkoutAndReadVerdict(page: Page, preset: string): Promise<string> {
  const before = await page.locator('#shop-results .result').count();
  await page.click(preset);
  const result = page.locator('#shop-results .result').first();
  await page.locator('#shop-results .result').nth(before).waitFor();
  expect(await result.locator('.badge').textContent()).toBe('201');
  const traceId = await result.getAttribute('data-trace-id');
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  return openWaterfallAndReadVerdict(page, result, traceId as string);
}

describe('the console page in headless Chromium', () => {
  let suite: PageSuite;
  let lab: ConsoleLab;
  let page: Page;

  beforeAll(async () => {
    suite = await startPageSuite({ catalogSize: CATALOG_SIZE, stackEnv: STACK_ENV }, async (consoleUrl) => {
      // One unrecorded checkout so the services' first-request costs stay out of the verdicts below.
      await requestJson(`${consoleUrl}/api/checkout`, { body: { customerId: 'c-warm', items: [{ sku: 'SKU-0000007', quantity: 1 }] } });
    });
    ({ lab, page } = suite);
  }, 60_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('names inventory\u2019s lookup, then no longer suggests fix.index once it is on', async () => {
    // The verdict names the slowest part of a real run; on a busy 2-core machine a scheduling stall
    // in order (with Chromium and five processes sharing the CPUs) can outweigh the scans once, so
    // the page gets up to three checkouts to show the seq scan. Each verdict shown is a real one.
    let before = '';
    for (let attempt = 1; attempt <= 3 && !before.includes('try fix.index'); attempt++) {
      before = await checkoutAndReadVerdict(page, '#preset-five');
    }
    expect(before).toContain('inventory');
    // Named from the evidence: the plan's Seq Scan on products, filtered by sku.
    expect(before).toMatch(/(SELECT|UPDATE) products · Seq Scan on products \(filter .*sku = \?/);
    expect(before).toContain('sequential scan → try fix.index');

    // The statement behind the verdict is one click away.
    await page.locator('.wf-row', { hasText: 'FROM products WHERE sku' }).first().click();
    expect(await page.locator('#span-details .statement').textContent()).toContain('FROM products WHERE sku = $1');
    // Its plan says why: a Seq Scan, badged in the list and spelled out in the details.
    await page.locator('.wf-row:has(.evidence-badge.seq-scan)', { hasText: 'FROM products WHERE sku' }).first().click();
    const plan = page.locator('#span-details #query-plan');
    expect(await plan.locator('h4').textContent()).toBe('Query plan');
    expect(await plan.locator('.plan-node.seq-scan .node-type').first().textContent()).toBe('Seq Scan');
    expect(await plan.locator('.plan-node.seq-scan').first().textContent()).toMatch(/^Seq Scan on products \(rows≈\d+, cost [\d.]+/);
    await plan.locator('.plan-json summary').click();
    expect(await plan.locator('.plan-json pre').textContent()).toContain('"Node Type": "Seq Scan"');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'page-before-fix.png'), fullPage: true });

    await page.click('label[for="toggle-fix.index"]');
    await page.locator('[id="state-fix.index"]', { hasText: /^on$/ }).waitFor({ timeout: 30_000 });
    // DESIGN: a toggle reaches every service within about a second.
    await page.waitForTimeout(1200);

    const after = await checkoutAndReadVerdict(page, '#preset-five');
    expect(after).not.toContain('try fix.index');
    expect(after).not.toBe(before);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'page-after-fix.png'), fullPage: true });
    expect(lab.reconcilerErrors).toEqual([]);

    // No checkout ran with fix.cache on: the comparison says which side is empty and how to fill it.
    await page.selectOption('#compare-by', 'lab.fix.cache');
    await page.click('#compare-run');
    const note = page.locator('#compare-note[data-empty="on"]');
    await note.waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toMatch(/^No checkouts with fix\.cache on in the last .+: turn it on and place a few\.$/);
  });

  it('starts the items box with real SKUs that check out, labels presets as checkouts, and serves an icon', async () => {
    const items = page.locator('#free-items');
    // A value, not a placeholder: submitting it untouched places a checkout.
    expect(await items.inputValue()).toBe('SKU-0000042 x2, SKU-0456173, SKU-0250000');
    expect(await items.getAttribute('placeholder')).toBeNull();
    const before = await page.locator('#shop-results .result').count();
    await page.click('#free-items ~ button[type="submit"]');
    await page.locator('#shop-results .result').nth(before).waitFor();
    expect(await page.locator('#shop-results .result .badge').first().textContent()).toBe('201');
    for (const id of ['#preset-popular', '#preset-longtail', '#preset-five']) expect(await page.locator(id).textContent()).toMatch(/^Check out: /);

    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
    for (const icon of ['/favicon.svg', '/favicon.ico']) {
      const res = await fetch(`${lab.console.url}${icon}`);
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/svg+xml; charset=utf-8']);
      expect(await res.text()).toMatch(/^<svg /);
    }
  });

  it('lists a checkout the gateway rejected with an amber status, not as a success', async () => {
    const rejected = await requestJson(`${lab.console.url}/api/checkout`, { body: { customerId: 'c-typo', items: [{ sku: 'SKU-9999999', quantity: 1 }] } });
    expect(rejected.status).toBe(404);
    const traceId = (rejected.body as { error: { traceId: string } }).error.traceId;
    // The list refreshes itself every few seconds; the row appears once the spans are exported.
    const badge = page.locator(`#traces-table tr[title="open ${traceId}"] .badge`);
    await badge.waitFor({ timeout: 20_000 });
    expect(await badge.textContent()).toBe('404');
    expect(await badge.getAttribute('class')).toBe('badge warn');
  });

  it('shows an EXPLAIN span as the plan of its statement, one click either way', async () => {
    // A statement text never planned before gets an EXPLAIN of its own, on a span linked to it:
    // batched lookups (`= ANY($1)`) without the index.
    for (const [name, state] of [['fix.index', 'off'], ['fix.batch', 'on']]) {
      const chip = page.locator(`[id="state-${name}"]`);
      if ((await chip.textContent()) !== state) await page.click(`label[for="toggle-${name}"]`);
      await chip.filter({ hasText: new RegExp(`^${state}$`) }).waitFor({ timeout: 30_000 });
    }
    // DESIGN: a toggle reaches every service within about a second.
    await page.waitForTimeout(1200);
    await checkoutAndReadVerdict(page, '#preset-five');
    // The EXPLAIN span ends when its plan is back and may be exported after the rest: reopen until it is in.
    const batched = page.locator('.wf-row:has(.evidence-badge.seq-scan)', { hasText: 'WHERE sku = ANY(' });
    for (let attempt = 1; attempt <= 10 && (await batched.count()) === 0; attempt++) {
      await page.waitForTimeout(500);
      await page.locator('#shop-results .result').first().locator('.open-waterfall').click();
      await page.locator('#waterfall-body #waterfall-rows').waitFor({ timeout: 20_000 });
    }
    await batched.first().click();
    const statementId = await page.locator('.wf-row.selected').getAttribute('data-span-id');
    await page.locator('#span-details #query-plan .hint button', { hasText: 'from its EXPLAIN span' }).click();

    expect(await page.locator('.wf-row.selected .wf-name').textContent()).toBe('EXPLAIN');
    expect(await page.locator('#span-details .evidence-for').textContent()).toBe('plan of SELECT products');
    expect(await page.locator('#span-details #query-plan .plan-node.seq-scan').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'page-explain-span.png'), fullPage: true });

    await page.locator('#span-details .evidence-for button').click();
    expect(await page.locator('.wf-row.selected').getAttribute('data-span-id')).toBe(statementId);
    expect(await page.locator('#span-details .statement').textContent()).toContain('WHERE sku = ANY(');
  });
});
