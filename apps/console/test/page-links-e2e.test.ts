// The queue in the page, on a lab with the real fulfilment: a checkout's waterfall names the
// consumer trace that fulfilled it, a click opens that trace, whose consumer span says how long
// its message waited and whose links lead back to the checkout. The slow-consumer switches sit
// in their own problem group.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { MESSAGING } from '@tracecart/contracts';
import { openWaterfallAndReadVerdict } from './support/browser';
import { OUTPUT_DIR, startPageSuite, type PageSuite } from './support/page-suite';

describe('links across the queue in the page', () => {
  let suite: PageSuite;
  let page: Page;

  beforeAll(async () => {
    suite = await startPageSuite({ catalogSize: 200, fulfilment: true }, async () => undefined);
    ({ page } = suite);
  }, 60_000);
  afterAll(() => suite?.stop());

  it('groups problem.slow-consumer with fix.consumers under its own problem', async () => {
    const group = page.locator('#switches h4', { hasText: 'Consumer lag' });
    await group.waitFor();
    const next = page.locator('#switches h4:has-text("Consumer lag") ~ .switch-row');
    expect(await next.nth(0).getAttribute('data-flag')).toBe('problem.slow-consumer');
    expect(await next.nth(1).getAttribute('data-flag')).toBe('fix.consumers');
  });

  it('shows "fulfilled later" under a checkout\u2019s waterfall, and "placed by" on the consumer trace it opens', async () => {
    await page.click('#preset-popular');
    const result = page.locator('#shop-results .result').first();
    await result.waitFor();
    const checkoutId = (await result.getAttribute('data-trace-id')) as string;
    await openWaterfallAndReadVerdict(page, result, checkoutId);
    // The page looks again while the message waits in the queue.
    const fulfilled = page.locator('#trace-links .trace-link.fulfilled-later');
    await fulfilled.first().waitFor({ timeout: 30_000 });
    expect(await fulfilled.first().textContent()).toMatch(/^fulfilled later: trace [0-9a-f]{32}$/);
    const consumerId = (await fulfilled.first().getAttribute('data-trace-id')) as string;
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'page-fulfilled-later.png'), fullPage: true });

    await fulfilled.first().locator('button').click();
    await page.locator(`#waterfall-body[data-trace-id="${consumerId}"]`).waitFor({ timeout: 20_000 });
    const placedBy = page.locator('#trace-links .trace-link.placed-by');
    expect(await placedBy.textContent()).toBe(`placed by: trace ${checkoutId}`);
    await page.locator('.wf-row', { hasText: MESSAGING.CONSUMER_SPAN_NAME }).first().click();
    expect(await page.locator('#span-details #queue-wait').textContent()).toMatch(new RegExp(`^waited .+ in ${MESSAGING.ORDER_PLACED_QUEUE} before processing$`));

    await placedBy.locator('button').click();
    await page.locator(`#waterfall-body[data-trace-id="${checkoutId}"]`).waitFor({ timeout: 20_000 });
  }, 60_000);

  it('lists no dead letters from a fulfilment that has none', async () => {
    await page.locator('#dead-letter-list p.muted').waitFor();
    expect(await page.locator('#dead-letter-list').textContent()).toMatch(/^None: /);
  });
});
