// The README's walk-through, run as written against a fresh `lab demo` (default catalog, fresh data
// folder), checking what the README claims: the verdict names the scan, the fix shows a gain, and
// the names it mentions are the lab's. It uses the fixed DESIGN ports, so it takes the port lock.
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EVIDENCE, LAB_ATTRIBUTES, LAB_EVENTS, LAB_SPANS } from '@tracecart/contracts';
import { DEFAULT_FLAGS, FLAG_NAMES, isFlagName } from '@tracecart/flags';
import { requestJson, waitUntil } from '@tracecart/testkit';
import { DATA_FOLDER_PREFIX } from '../src/demo/postgres/data-folder';
import { lockDesignPorts } from './support/design-ports-lock';
import { killLaunchedDemos, launchDemo, waitForOutput, type Demo } from './support/demo-process';
import { readWalkthroughSection, runLab, walkthroughCommands, type WalkthroughCommand } from './support/readme-walkthrough';

const CONSOLE = 'http://127.0.0.1:8088';
const TRACES = 'http://127.0.0.1:16686/api/v3/traces';
type FlagState = { flags: Record<string, unknown>; pending: Record<string, unknown> };
type Report = { latencyMs: { p95: number } };

const flagState = async () => (await requestJson(`${CONSOLE}/api/flags`)).body as FlagState;
const noPending = async () => Object.keys((await flagState()).pending).length === 0;

// A person reads the trace once it is there; spans reach the store a moment after the answer.
async function waitForTrace(traceId: string): Promise<void> {
  await waitUntil(`trace ${traceId} in the store`, async () => {
    const response = await fetch(`${TRACES}/${traceId}`);
    return response.status === 200 && (await response.text()).includes('"inventory"');
  }, 30_000, 250);
}

async function checkout(command: Extract<WalkthroughCommand, { kind: 'http' }>): Promise<string> {
  const response = await fetch(command.url, { method: command.method, headers: command.headers, body: command.body });
  const body = (await response.json()) as { traceId?: string };
  expect(response.status).toBe(201);
  expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
  return body.traceId!;
}

describe('the README walk-through', () => {
  const section = readWalkthroughSection();
  const commands = walkthroughCommands(section);
  let workDir: string;
  let releasePorts: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    releasePorts = await lockDesignPorts(600_000);
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lab-walkthrough-'));
  }, 610_000);
  let dataDir: string | undefined;
  afterAll(async () => {
    killLaunchedDemos();
    // A demo killed by a failing test cannot remove its own folder.
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(workDir, { recursive: true, force: true });
    await releasePorts();
  });

  it('mentions only switches and lab.* names that exist', () => {
    const labNames = new Set<string>([...Object.values(LAB_ATTRIBUTES), ...Object.values(LAB_EVENTS), ...Object.values(LAB_SPANS)]);
    const mentioned = [...section.matchAll(/`(lab\.[a-z_.]+)`/g)].map((m) => m[1]);
    expect(mentioned.length).toBeGreaterThan(5);
    expect(mentioned.filter((name) => !labNames.has(name))).toEqual([]);
    // A switch name stands alone: `lab.fix.index` is the attribute, checked above.
    const switches = [...section.matchAll(/(?<![\w.])((?:fix|chaos|problem)\.[a-z-]+)\b/g)].map((m) => m[1]);
    expect(switches.filter((name) => !isFlagName(name))).toEqual([]);
    expect(new Set(switches)).toEqual(new Set(FLAG_NAMES));
    // The evidence the walk-through points at is named as the tracing writes it.
    const evidence = new Set<string>(Object.values(EVIDENCE));
    const evidenceMentioned = [...section.matchAll(/`(db\.(?:query\.(?:plan|waits)|client\.connection|response)[a-z_.]*)`/g)].map((m) => m[1]);
    expect(evidenceMentioned.length).toBeGreaterThan(2);
    expect(evidenceMentioned.filter((name) => !evidence.has(name))).toEqual([]);
  });

  it('runs as written on a fresh demo: the verdict names the scan, the reset is the defaults, after beats before', async () => {
    const demo = launchDemo([], { CATALOG_SIZE: undefined, DATABASE_URL: undefined, LAB_DATA_DIR: undefined });
    dataDir = path.dirname((await waitForOutput(demo, /initialising PostgreSQL \S+ in (\S+)\.\.\./))[1]);
    await waitForOutput(demo, /\| ready in \d/, 300_000);
    expect(dataDirOf(demo)).toBe(path.join(dataDir, 'postgres'));
    expect(path.dirname(dataDir)).toBe(os.tmpdir());
    expect(path.basename(dataDir).startsWith(DATA_FOLDER_PREFIX)).toBe(true);

    await runWalkthrough(commands, workDir);

    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  }, 600_000);
});

function dataDirOf(demo: Demo): string {
  const match = demo.stdout.join('\n').match(/data in (\S+) \(removed on exit\)/);
  if (!match) throw new Error(`the banner names no data folder:\n${demo.stdout.join('\n')}`);
  return match[1];
}

async function runWalkthrough(commands: WalkthroughCommand[], cwd: string): Promise<void> {
  let traceId = '';
  const seen = new Set<string>();
  for (const command of commands) {
    if (command.kind === 'http') {
      traceId = await checkout(command);
      continue;
    }
    const args = command.args.map((arg) => (arg === '<traceId>' ? traceId : arg));
    if (args[0] === 'diagnose') await waitForTrace(traceId);
    if (args[0] === 'load') await expectSwitchesFor(args, cwd);
    const result = await runLab(args, cwd);
    // `lab load` exits 3 when the SLO is missed, as the README says the before run does.
    const allowed = args[0] === 'load' ? [0, 3] : [0];
    expect({ line: command.line, exit: allowed.includes(result.code) ? 'ok' : result.code, stderr: result.stderr }).toEqual({ line: command.line, exit: 'ok', stderr: '' });
    await checkOutcome(args, result.stdout, cwd);
    // A person goes on once the index change has landed (the README says to wait for it).
    if (args[0] === 'flags') await waitUntil('the switches to settle', noPending, 60_000, 250);
    seen.add(args.slice(0, 2).join(' '));
  }
  expect([...seen]).toEqual(expect.arrayContaining(['diagnose ' + traceId, 'flags reset', 'load --rate', 'compare before.json']));
}

// Before is the state diagnosed (every default); after differs from it by fix.index alone.
async function expectSwitchesFor(args: string[], cwd: string): Promise<void> {
  const report = args[args.indexOf('--json') + 1];
  const expected = report.startsWith('before') ? DEFAULT_FLAGS : { ...DEFAULT_FLAGS, 'fix.index': true };
  expect({ report, ...(await flagState()) }).toMatchObject({ report, flags: expected, pending: {} });
  expect(existsSync(path.join(cwd, report))).toBe(false);
}

async function checkOutcome(args: string[], stdout: string, cwd: string): Promise<void> {
  if (args[0] === 'diagnose' && /^[0-9a-f]{32}$/.test(args[1])) {
    expect(stdout.split('\n')[0]).toMatch(/Seq Scan on products .* · sequential scan → try fix\.index/);
  }
  if (args[0] === 'flags' && args[1] === 'reset') expect(await flagState()).toMatchObject({ flags: DEFAULT_FLAGS, pending: {} });
  if (args[0] === 'compare') {
    const [before, after] = args.slice(1).map((file) => JSON.parse(readFileSync(path.join(cwd, file), 'utf8')) as Report);
    expect(after.latencyMs.p95).toBeLessThan(before.latencyMs.p95);
    expect(stdout).toMatch(/^p95 \(ms\)/m);
  }
}
