// The walk-through section of the root README, read as the commands a person types.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const README = path.join(__dirname, '..', '..', '..', '..', 'README.md');
const CLI_MAIN = path.join(__dirname, '..', '..', 'dist', 'main.js');
const HEADING = '## Walk-through: find the slow query, fix it, prove it';

/** One command of the walk-through: a `lab` run, or the checkout curl as an HTTP request. */
export type WalkthroughCommand =
  | { kind: 'lab'; line: string; args: string[] }
  | { kind: 'http'; line: string; url: string; method: string; headers: Record<string, string>; body: string };

/** The walk-through section's text, heading to the next `## ` heading. */
export function readWalkthroughSection(): string {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf(HEADING);
  if (start < 0) throw new Error(`README.md has no "${HEADING}" section`);
  const end = text.indexOf('\n## ', start + HEADING.length);
  return text.slice(start, end < 0 ? undefined : end);
}

// Fenced blocks only: inline code in the prose is explanation, not steps to run.
function fencedLines(section: string): string[] {
  const blocks = [...section.matchAll(/^\s*```[^\n]*\n([\s\S]*?)^\s*```/gm)].map((m) => m[1]);
  return blocks.flatMap((block) => block.replace(/\\\n\s*/g, '').split('\n')).map((line) => line.trim()).filter(Boolean);
}

function parseCurl(line: string): WalkthroughCommand {
  const url = line.match(/curl\s+(?:-\S+\s+)*(\S+)/)?.[1];
  const body = line.match(/-d\s+'([^']*)'/)?.[1];
  const headers = Object.fromEntries([...line.matchAll(/-H\s+'([^:']+):\s*([^']*)'/g)].map((m) => [m[1].toLowerCase(), m[2]]));
  if (!url || body === undefined) throw new Error(`cannot read the curl command: ${line}`);
  return { kind: 'http', line, url: url.startsWith('http') ? url : `http://${url}`, method: 'POST', headers, body };
}

/** Every command of the section's fenced blocks, in order; `# …` comments dropped. */
export function walkthroughCommands(section: string): WalkthroughCommand[] {
  return fencedLines(section).map((line) => {
    if (line.startsWith('curl ')) return parseCurl(line);
    const lab = line.match(/^npm run lab -- (.*?)(?:\s+#.*)?$/);
    if (!lab) throw new Error(`the walk-through has a command the test cannot run: ${line}`);
    return { kind: 'lab', line, args: lab[1].trim().split(/\s+/) };
  });
}

/** Runs `node packages/cli/dist/main.js ARGS` in `cwd`, as `npm run lab -- ARGS` does. */
export function runLab(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_MAIN, ...args], { cwd, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
