import { hostAndPort } from '../src/http-common';

describe('hostAndPort', () => {
  it.each([
    ['inventory:8082', 1, { host: 'inventory', port: 8082 }],
    ['localhost', 80, { host: 'localhost', port: 80 }],
    ['[::1]:8080', 1, { host: '::1', port: 8080 }],
    ['[::1]', 443, { host: '::1', port: 443 }],
    [undefined, 8080, { port: 8080 }],
    ['bad:port:x', 9, { host: 'bad:port:x', port: 9 }],
    ['name:notaport', 7, { host: 'name', port: 7 }],
    ['name:99999', 7, { host: 'name', port: 7 }],
  ])('splits %s', (header, fallback, expected) => {
    expect(hostAndPort(header, fallback)).toEqual(expected);
  });
});
