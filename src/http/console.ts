import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';

/** Paths the service answers itself: the console never shadows them, whatever it holds. */
export const SERVICE_PATHS = ['/v1', '/health', '/metrics', '/docs', '/openapi.yaml', '/verify', '/.well-known'];

const ours = (p: string) => SERVICE_PATHS.some((s) => p === s || p.startsWith(`${s}/`) || p.startsWith(`${s}?`));

/** The repository's root: the first folder above this file with a package.json (from src/ or dist/src/). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Where the built console is: web/dist (`npm ci` builds it; scripts/console-build.mjs). */
export const CONSOLE_DIR = path.join(packageRoot(), 'web', 'dist');

/**
 * The office console (web/), served on the same origin at `/`: its files as they are (the hashed
 * assets cached for good, index.html always revalidated), and index.html for a page of the
 * console that a browser opens directly (/queues, /records/r_…), so that a reload or a bookmark
 * works. Nothing when the console was not built: the API stands alone.
 */
export function serveConsole(dir = CONSOLE_DIR): RequestHandler {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return (_req, _res, next) => next();
  const files = express.static(dir, {
    index: false,
    redirect: false,
    setHeaders(res, file) {
      res.setHeader(
        'Cache-Control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return (req, res, next) => {
    if (ours(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    files(req, res, () => {
      // Not a file: a page of the console when a browser asks for a page (its navigations name
      // text/html), else the API's 404 problem, for curl's */* and scripts too.
      if (path.extname(req.path) || !/\btext\/html\b/.test(req.get('accept') ?? '')) {
        next();
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
}
