import fs from 'node:fs';
import path from 'node:path';

// Jaeger 2.20's recorded /api/v3 bodies sit beside the repository, in ../shared/fixtures
// relative to the repo root (src/ and dist/ are both two levels below this package's root).
const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The folder of recorded Jaeger /api/v3 bodies (JAEGER_FIXTURES_DIR overrides); throws a clear message when absent. */
export function jaegerFixturesDir(): string {
  const dir = process.env.JAEGER_FIXTURES_DIR || path.resolve(REPO_ROOT, '../shared/fixtures/jaeger-api-v3');
  if (!fs.existsSync(path.join(dir, 'GetTrace.json'))) {
    throw new Error(
      `Jaeger /api/v3 fixtures not found in ${dir}: expected ../shared/fixtures/jaeger-api-v3 beside the repo root, ` +
        'or set JAEGER_FIXTURES_DIR to the folder holding GetServices.json, GetTrace.json, ...',
    );
  }
  return dir;
}

/** One recorded body as text, e.g. readJaegerFixtureText('FindTraces'). */
export function readJaegerFixtureText(name: string): string {
  return fs.readFileSync(path.join(jaegerFixturesDir(), `${name}.json`), 'utf8');
}

/** One recorded body, parsed. */
export function readJaegerFixture(name: string): unknown {
  return JSON.parse(readJaegerFixtureText(name));
}
