// Jaeger's own /api/v3 response snapshots: proto3 JSON with empty resources, no service name,
// no times at all. The analysis must take them as they are.
import { buildTraceTree, diagnose } from '../src';
import { jaegerFixturesDir, readJaegerFixture } from '@tracecart/testkit';

const readFixture = (file: string) => readJaegerFixture(file.replace(/\.json$/, ''));

describe('Jaeger /api/v3 fixtures', () => {
  it.each(['GetTrace.json', 'FindTraces.json'])('builds a tree from %s', (name) => {
    const trees = buildTraceTree(readFixture(name));
    expect(trees).toHaveLength(1);
    const [tree] = trees;
    expect(tree.traceId).toBe('00000000000000000000000000000001');
    expect(tree.spans.map((s) => [s.spanId, s.name, s.kind, s.service, s.isError, s.startNs, s.endNs])).toEqual([
      ['0000000000000002', 'foobar', 2, 'unknown_service', true, 0, 0],
    ]);
    expect(tree.originUnixNano).toBe('0');
  });

  it('diagnoses GetTrace.json without a critical path rather than failing', () => {
    const d = diagnose(readFixture('GetTrace.json'));
    expect(d.summary).toMatchObject({ spanCount: 1, errorSpanCount: 1, durationMs: 0, rootName: 'foobar' });
    expect(d.criticalPath.segments).toEqual([]);
    expect(d.contributors).toEqual([]);
    expect(d.verdict.kind).toBe('no_critical_path');
  });

  it('finds no traces in responses that are not TracesData', () => {
    for (const name of ['FindTraceSummaries.json', 'GetServices.json', 'GetOperations.json']) expect(buildTraceTree(readFixture(name))).toEqual([]);
  });
});

describe('fixture folder', () => {
  const saved = process.env.JAEGER_FIXTURES_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.JAEGER_FIXTURES_DIR;
    else process.env.JAEGER_FIXTURES_DIR = saved;
  });

  it('honours JAEGER_FIXTURES_DIR and says clearly when the folder is missing', () => {
    process.env.JAEGER_FIXTURES_DIR = '/nonexistent/jaeger-api-v3';
    expect(() => jaegerFixturesDir()).toThrow(/not found in \/nonexistent\/jaeger-api-v3: .*JAEGER_FIXTURES_DIR/);
  });
});
