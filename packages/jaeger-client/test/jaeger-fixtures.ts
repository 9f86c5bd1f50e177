import fs from 'node:fs';
import path from 'node:path';

// The recorded Jaeger 2.20 /api/v3 bodies live beside the repository (CI: ../shared/fixtures
// relative to the repo root); JAEGER_FIXTURES_DIR points elsewhere.
const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The folder holding Jaeger's recorded /api/v3 bodies; throws a clear message when absent. */
export function jaegerFixturesDir(): string {
  const dir = process.env.JAEGER_FIXTURES_DIR || path.resolve(REPO_ROOT, '../shared/fixtures/jaeger-api-v3');
  if (!fs.existsSync(path.join(dir, 'GetServices.json'))) {
    throw new Error(
      `Jaeger /api/v3 fixtures not found in ${dir}: expected ../shared/fixtures/jaeger-api-v3 beside the repo root, ` +
        'or set JAEGER_FIXTURES_DIR to the folder holding GetServices.json, GetTrace.json, ...',
    );
  }
  return dir;
}

/** Reads one recorded body, e.g. readJaegerFixture('FindTraces'). */
export function readJaegerFixture(name: string): string {
  return fs.readFileSync(path.join(jaegerFixturesDir(), `${name}.json`), 'utf8');
}
