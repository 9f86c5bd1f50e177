import {
  dependenciesOf,
  environmentOf,
  explainUnpinnedImage,
  interpolateCompose,
  listComposeVariables,
  listUsedVariables,
  parseCompose,
  parseDotenv,
  parseMemorySize,
  publishedPorts,
} from '../src';

describe('parseDotenv', () => {
  it('reads values, quotes and trailing comments, and skips comment lines', () => {
    const env = parseDotenv('# c\nA=1\nB="two words"\nC=x # note\n\nexport D=4\n');
    expect([...env]).toEqual([['A', '1'], ['B', 'two words'], ['C', 'x'], ['D', '4']]);
  });

  it('rejects a line that is not NAME=value', () => {
    expect(() => parseDotenv('A=1\nnot a line\n')).toThrow(/line 2/);
  });
});

describe('interpolateCompose', () => {
  const env = new Map([['PORT', '8080'], ['EMPTY', '']]);

  it('substitutes braced and bare variables and keeps $$ as a literal $', () => {
    expect(interpolateCompose('${PORT}:$PORT $$HOME', env)).toBe('8080:8080 $HOME');
  });

  it('applies defaults and alternatives as compose does', () => {
    expect(interpolateCompose('${MISSING:-d} ${EMPTY:-e} ${EMPTY-f} ${PORT:+set}', env)).toBe('d e  set');
  });

  it('refuses an undefined variable without a default', () => {
    expect(() => interpolateCompose('${NOPE}', env)).toThrow(/NOPE is used but not defined/);
    expect(() => interpolateCompose('${EMPTY:?must be set}', env)).toThrow(/must be set/);
  });

  it('lists the variables a text reads, escapes excluded', () => {
    expect(listComposeVariables('${A}:${B:-x} $C $$D ${A}')).toEqual(['A', 'B', 'C']);
  });
});

describe('compose readers', () => {
  const text = [
    'x-base: &base',
    '  image: ${IMG}',
    '  environment: [A=1, B=two=2]',
    'services:',
    '  one:',
    '    <<: *base',
    '    # ${COMMENTED_OUT} is not a use',
    '    ports: ["127.0.0.1:${P}:80", "81:81", {target: 82, published: "8082", host_ip: 0.0.0.0}]',
    '    depends_on: [two]',
    '  two:',
    '    image: busybox:1.36',
    '    depends_on: {one: {condition: service_healthy}}',
    '',
  ].join('\n');
  const compose = parseCompose(text, new Map([['IMG', 'redis:7.4.6'], ['P', '8080']]));

  it('follows merge keys and interpolates values', () => {
    expect(compose.services.one.image).toBe('redis:7.4.6');
    expect(environmentOf(compose.services.one)).toEqual({ A: '1', B: 'two=2' });
  });

  it('reads short and long port syntax', () => {
    expect(publishedPorts(compose.services.one)).toEqual([
      { hostIp: '127.0.0.1', host: 8080, container: 80 },
      { host: 81, container: 81 },
      { hostIp: '0.0.0.0', host: 8082, container: 82 },
    ]);
  });

  it('treats the list form of depends_on as service_started', () => {
    expect(dependenciesOf(compose.services.one)).toEqual([{ service: 'two', condition: 'service_started' }]);
    expect(dependenciesOf(compose.services.two)).toEqual([{ service: 'one', condition: 'service_healthy' }]);
  });

  it('lists variables from values only, not from comments', () => {
    expect(listUsedVariables(text).sort()).toEqual(['IMG', 'P']);
  });
});

describe('parseMemorySize', () => {
  it('reads compose units', () => {
    expect(parseMemorySize('256m')).toBe(256 * 1024 ** 2);
    expect(parseMemorySize('1g')).toBe(1024 ** 3);
    expect(parseMemorySize('1.5GB')).toBe(1.5 * 1024 ** 3);
    expect(parseMemorySize(1048576)).toBe(1048576);
  });

  it('rejects what compose would not read', () => {
    expect(() => parseMemorySize('lots')).toThrow(/not a memory size/);
    expect(() => parseMemorySize('12q')).toThrow(/not a memory size/);
  });
});

describe('explainUnpinnedImage', () => {
  it('accepts exact versions and digests', () => {
    expect(explainUnpinnedImage('postgres:17.6-bookworm')).toBeUndefined();
    expect(explainUnpinnedImage('localhost:5000/prom/prometheus:v3.13.1')).toBeUndefined();
    expect(explainUnpinnedImage(`grafana/k6@sha256:${'a'.repeat(64)}`)).toBeUndefined();
  });

  it('rejects missing, moving and major-only tags', () => {
    expect(explainUnpinnedImage('redis')).toMatch(/no tag/);
    expect(explainUnpinnedImage('localhost:5000/redis')).toMatch(/no tag/);
    expect(explainUnpinnedImage('grafana/grafana:latest')).toMatch(/moving tag/);
    expect(explainUnpinnedImage('postgres:17')).toMatch(/major.minor/);
  });
});
