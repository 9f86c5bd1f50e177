import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../src';

// Checkouts recorded from the lab's own demo (see fixtures/README.md): the analysis has never
// heard of the lab, and the finding must survive without a single `lab.*` name in the trace.
function recorded(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
}

interface KeyValue {
  key: string;
}

/** The trace with every `lab.*` attribute (resource, span, event, link) and every `lab.*` event removed. */
function withoutLabNames(data: unknown): { text: string; data: unknown } {
  const strip = (list: KeyValue[] | undefined) => list?.filter((kv) => !kv.key.startsWith('lab.'));
  const copy = JSON.parse(JSON.stringify(data));
  for (const rs of copy.result.resourceSpans) {
    rs.resource.attributes = strip(rs.resource.attributes);
    for (const ss of rs.scopeSpans) {
      for (const span of ss.spans) {
        span.attributes = strip(span.attributes);
        span.events = (span.events ?? []).filter((e: { name: string }) => !e.name.startsWith('lab.')).map((e: { attributes?: KeyValue[] }) => ({ ...e, attributes: strip(e.attributes) }));
        span.links = (span.links ?? []).map((l: { attributes?: KeyValue[] }) => ({ ...l, attributes: strip(l.attributes) }));
      }
    }
  }
  return { text: JSON.stringify(copy), data: copy };
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
    const { text, data } = withoutLabNames(original);
    expect(text).not.toMatch(/"lab\./);
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
