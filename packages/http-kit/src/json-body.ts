import express, { type RequestHandler } from 'express';

/** The largest request body any tracecart app accepts. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Parses JSON bodies up to 64 KiB; larger ones become 413, malformed ones 400 invalid_json. */
export function jsonBody(): RequestHandler {
  return express.json({ limit: MAX_BODY_BYTES, strict: false, type: () => true });
}
