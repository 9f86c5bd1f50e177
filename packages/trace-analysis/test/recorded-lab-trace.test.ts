import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../src';
import { withoutLabNames } from '@tracecart/testkit';
import type { TracesData } from '@tracecart/otlp';

// Checkouts recorded from the lab's own demo (see fixtures/README.md): the analysis has never
// heard of the lab, and the finding must survive without a single `lab.*` name in the trace.
function recorded(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
}

describe('a checkout recorded from the lab', () => {
  it('is found to scan products sequentially, from the plans in the trace', () => {
    const { verdict } = diagnose(recorded('lab-slow-checkout.json'));
    expect(verdict.finding).toMatchObject({ kind: 'sequential_scan', details: { relation: 'products' } });
    expect(String(verdict.finding?.details.filter)).toMatch(/\bsku\b/);
    expect(verdict.line).toContain('Seq Scan on products');
  });

  it('keeps the finding "sequential scan" when every lab.* name is deleted from it', () => {
    const original = recorded('lab-slow-checkout.json');
    expect(JSON.stringify(original)).toContain('"lab.fix.index"');
    const data = withoutLabNames((original as { result: TracesData }).result);
    expect(JSON.stringify(data)).not.toMatch(/"lab\./);
    const { verdict } = diagnose(data);
    expect(verdict.finding?.kind).toBe('sequential_scan');
    expect(verdict.finding?.title).toBe('sequential scan');
    expect(verdict.findings.map((f) => f.kind)).toContain('sequential_scan');
    expect(verdict.switchName).toBeUndefined();
  });

  it('finds no sequential scan once the index exists, and moves on to the next finding', () => {
    const { verdict } = diagnose(recorded('lab-indexed-checkout.json'));
    expect(verdict.findings.map((f) => f.kind)).not.toContain('sequential_scan');
    expect(verdict.finding?.kind).toBe('n_plus_one');
  });
});
