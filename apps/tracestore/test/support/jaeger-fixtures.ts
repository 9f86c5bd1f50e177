import fs from 'node:fs';
import path from 'node:path';

// The recorded Jaeger 2.20 /api/v3 bodies live beside the repository (CI: ../shared/fixtures
// relative to the repo root); JAEGER_FIXTURES_DIR points elsewhere.
const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Reads one recorded Jaeger body as JSON, e.g. readJaegerFixture('FindTraces'); throws a clear message when absent. */
export function readJaegerFixture(name: string): unknown {
  const dir = process.env.JAEGER_FIXTURES_DIR || path.resolve(REPO_ROOT, '../shared/fixtures/jaeger-api-v3');
  const file = path.join(dir, `${name}.json`);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Jaeger /api/v3 fixture ${name}.json not found in ${dir}: expected ../shared/fixtures/jaeger-api-v3 beside the ` +
        'repo root, or set JAEGER_FIXTURES_DIR to the folder holding GetServices.json, GetTrace.json, ...',
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
