import { scalarField } from './schema-fields';

/**
 * How trace and span ids may be written: `otlp` is what OTLP/JSON senders emit, hex of the exact
 * length (the spec) or base64 (proto3 JSON's own rule, which some encoders follow); `hex` is any
 * hex up to the id's length, as Jaeger's /api/v3 and hand-written traces use.
 */
export type IdEncoding = 'otlp' | 'hex';

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function readBase64Id(text: string, bytes: number): string | undefined {
  if (!BASE64.test(text) || text.length > Math.ceil(bytes / 3) * 4) return undefined;
  const raw = Buffer.from(text, 'base64');
  return raw.length === bytes ? raw.toString('hex') : undefined;
}

function readId(value: unknown, bytes: number, encoding: IdEncoding): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value === '') return '';
  if (encoding === 'hex') return value.length <= bytes * 2 && HEX.test(value) ? value.toLowerCase() : undefined;
  if (value.length === bytes * 2) return HEX.test(value) ? value.toLowerCase() : undefined;
  return readBase64Id(value, bytes);
}

/** A trace id (16 bytes) or span id (8 bytes) as lower-case hex; absent or empty is ''. */
export function idField(bytes: number, encoding: IdEncoding) {
  const problem =
    encoding === 'hex' ? `must be up to ${bytes * 2} hex characters` : `must be ${bytes * 2} hex characters (or base64 of ${bytes} bytes)`;
  return scalarField((value) => readId(value, bytes, encoding), problem, '');
}
