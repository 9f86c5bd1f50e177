import { isLoopbackHost, requireLoopbackTarget } from '../src';

describe('loopback targets', () => {
  it.each(['localhost', '127.0.0.1', '127.255.255.254', '[::1]'])('accepts %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['10.0.0.1', '128.0.0.1', '0.0.0.0', 'example.com', 'localhost.example.com', '[::2]', '[::ffff:7f00:1]', '127.0.0.256'])(
    'refuses %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it('sees through address spellings the URL parser normalises', () => {
    expect(requireLoopbackTarget('http://127.1:8080')).toBe('http://127.0.0.1:8080');
    expect(requireLoopbackTarget('http://0x7f.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(() => requireLoopbackTarget('http://0x0a.0.0.1:8080')).toThrow(/loopback/);
  });

  it('refuses credentials, paths and queries', () => {
    for (const target of ['http://u:p@127.0.0.1:8080', 'http://127.0.0.1:8080/x', 'http://127.0.0.1:8080/?a=1']) {
      expect(() => requireLoopbackTarget(target)).toThrow(/origin only/);
    }
  });
});

describe('explicitly allowed hosts', () => {
  it('accept a named host only when the operator allowed it', () => {
    expect(() => requireLoopbackTarget('http://gateway:8080')).toThrow(RangeError);
    expect(requireLoopbackTarget('http://gateway:8080', ['gateway'])).toBe('http://gateway:8080');
    expect(() => requireLoopbackTarget('http://gateway.example:8080', ['gateway'])).toThrow(/not a loopback address/);
  });
});
