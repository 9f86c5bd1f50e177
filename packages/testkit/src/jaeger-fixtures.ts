import fs from 'node:fs';
import path from 'node:path';

// Resolved from this file rather than the cwd, so a jest run started in any folder finds it: src/ and dist/
// both sit one level below the testkit package, which is a sibling of jaeger-client.
const RECORDED_DIR = path.resolve(__dirname, '../../jaeger-client/test/fixtures/jaeger-2.20');

/**
 * The folder of recorded Jaeger /api/v3 bodies: the copies kept in packages/jaeger-client, or
 * JAEGER_FIXTURES_DIR (to hold the code to another Jaeger release's recordings before adopting them).
 */
export function jaegerFixturesDir(): string {
  const dir = process.env.JAEGER_FIXTURES_DIR || RECORDED_DIR;
  if (!fs.existsSync(path.join(dir, 'GetTrace.json'))) {
    throw new Error(
      `Jaeger /api/v3 fixtures not found in ${dir}: the recorded copies live in packages/jaeger-client/test/fixtures/jaeger-2.20; ` +
        'JAEGER_FIXTURES_DIR, when set, must name a folder holding GetServices.json, GetTrace.json, ...',
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
