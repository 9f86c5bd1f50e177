import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '@tracecart/http-kit';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Guards writes with `Authorization: Bearer <token>` when a token is required (the console
 * listens beyond loopback); reads stay open, as do the POST routes listed in `readOnlyPosts`
 * (a comparison sends its groups in a body but changes nothing). Without a token the guard
 * lets everything through.
 */
export function requireAdminForWrites(token: string | undefined, readOnlyPosts: readonly string[] = []): RequestHandler {
  return (req, _res, next) => {
    if (!token || req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    if (req.method === 'POST' && readOnlyPosts.includes(req.path)) return next();
    const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (given && sameSecret(given, token)) return next();
    next(new HttpError(401, 'unauthorized', 'changing the lab needs Authorization: Bearer $LAB_ADMIN_TOKEN'));
  };
}
