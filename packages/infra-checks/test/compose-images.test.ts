import { existsSync } from 'node:fs';
import path from 'node:path';
import { explainUnpinnedImage, listUsedVariables, type ComposeService } from '../src';
import { composeText, dotenv, repoPath, root, services } from './stack';

function dockerfileOf(service: ComposeService): string | undefined {
  if (service.build === undefined) return undefined;
  const build = typeof service.build === 'string' ? { context: service.build } : service.build;
  const context = path.resolve(root, build.context ?? '.');
  return path.resolve(context, build.dockerfile ?? 'Dockerfile');
}

// The file an image entry runs, e.g. apps/gateway/dist/main.js, and the source it is built from.
function nodeEntries(service: ComposeService): string[] {
  const words = [service.entrypoint, service.command].flatMap((part) => (Array.isArray(part) ? part : []));
  return words.filter((word) => /^(apps|packages)\/[\w-]+\/dist\/[\w/-]+\.js$/.test(word));
}

describe('compose images', () => {
  it('pins every pulled image and builds the rest from a Dockerfile that exists', () => {
    const problems = Object.entries(services).flatMap(([name, service]) => {
      const dockerfile = dockerfileOf(service);
      if (dockerfile !== undefined) return existsSync(dockerfile) ? [] : [`${name}: ${dockerfile} does not exist`];
      if (service.image === undefined) return [`${name}: neither image nor build`];
      const why = explainUnpinnedImage(service.image);
      return why ? [`${name}: ${why}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('builds every app from the one Dockerfile in infra/', () => {
    const built = Object.entries(services).filter(([, s]) => s.build !== undefined);
    expect(built.map(([name]) => name).sort()).toEqual(['carrier', 'console', 'db-setup', 'fulfilment', 'gateway', 'inventory', 'loadgen', 'order']);
    for (const [, service] of built) expect(dockerfileOf(service)).toBe(repoPath('infra', 'Dockerfile'));
  });

  it('runs entry points that the build produces from existing TypeScript sources', () => {
    const problems = Object.entries(services).flatMap(([name, service]) =>
      nodeEntries(service)
        .map((entry) => entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts'))
        .filter((source) => !existsSync(repoPath(source)))
        .map((source) => `${name}: ${source} does not exist`),
    );
    expect(problems).toEqual([]);
    expect(Object.values(services).flatMap(nodeEntries).length).toBeGreaterThanOrEqual(8);
  });
});

describe('compose variables', () => {
  const used = listUsedVariables(composeText);

  it('defines every variable the compose file reads in .env', () => {
    expect(used.filter((name) => !dotenv.has(name))).toEqual([]);
  });

  it('reads every variable .env defines, so .env holds nothing stale', () => {
    expect([...dotenv.keys()].filter((name) => !used.includes(name))).toEqual([]);
  });

  it('keeps every image version in .env rather than in the compose file', () => {
    // Interpolation has already happened in `services`, so read the raw text.
    const rawImages = [...composeText.matchAll(/^\s+image:\s*(\S+)/gm)].map((m) => m[1]);
    expect(rawImages.filter((image) => image !== 'tracecart-app:local' && !/^\$\{\w+\}$/.test(image))).toEqual([]);
    expect(rawImages.length).toBeGreaterThanOrEqual(6);
  });
});
