import fs from 'node:fs';
import path from 'node:path';

// The repo sits next to a `shared` folder holding Jaeger's real /api/v3 responses.
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const DEFAULT_DIR = path.resolve(REPO_ROOT, '../shared/fixtures/jaeger-api-v3');

/** The Jaeger /api/v3 fixture folder (JAEGER_FIXTURES_DIR overrides); throws a clear error when missing. */
export function jaegerFixturesDir(): string {
  const dir = process.env.JAEGER_FIXTURES_DIR ?? DEFAULT_DIR;
  if (!fs.existsSync(path.join(dir, 'GetTrace.json'))) {
    throw new Error(`Jaeger /api/v3 fixtures not found in ${dir} (expected GetTrace.json); set JAEGER_FIXTURES_DIR to the folder`);
  }
  return dir;
}

/** One fixture file, parsed. */
export function readFixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(jaegerFixturesDir(), name), 'utf8'));
}
