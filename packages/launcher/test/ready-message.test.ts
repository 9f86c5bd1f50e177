import { readReadyMessage } from '../src';

describe('readReadyMessage', () => {
  it('takes the main port and the named ports', () => {
    expect(readReadyMessage({ ready: 4318, ports: { otlp: 4318, query: 16686 } })).toEqual({ ready: 4318, ports: { otlp: 4318, query: 16686 } });
  });

  it.each([
    ['a string', 'ready'],
    ['null', null],
    ['no ports', { ready: 8080 }],
    ['a port that is no port', { ready: 8080, ports: { http: 70_000 } }],
    ['a main port that is no number', { ready: '8080', ports: { http: 8080 } }],
  ])('ignores %s', (_label, message) => {
    expect(readReadyMessage(message)).toBeUndefined();
  });
});
