import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import express, { type Request, type RequestHandler, type Response } from 'express';

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

/** The console's text files, sent compressed (fonts and pictures are compressed already). */
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json']);
/** A hashed asset's name: no folder, no traversal (`/assets/index-CKNTmJwk.js`). */
const ASSET = /^\/assets\/[\w-]+(\.[\w-]+)*$/;
const packed = new Map<string, { mtimeMs: number; br: Buffer; gzip: Buffer }>();

/**
 * A hashed text asset, brotli or gzip as the browser accepts (an office's link is slow: the
 * first load is about a third of its size this way), compressed once per file and kept in memory.
 * Only the console's own files: the API's answers are not compressed (secrets beside reflected
 * input in one compressed answer is what BREACH reads).
 */
function sendCompressed(dir: string, req: Request, res: Response): boolean {
  if (!ASSET.test(req.path) || !COMPRESSIBLE.has(path.extname(req.path))) return false;
  const encoding = req.acceptsEncodings('br', 'gzip');
  if (encoding !== 'br' && encoding !== 'gzip') return false;
  const file = path.join(dir, req.path);
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return false;
  }
  let entry = packed.get(file);
  if (!entry || entry.mtimeMs !== stat.mtimeMs) {
    const raw = readFileSync(file);
    entry = {
      mtimeMs: stat.mtimeMs,
      br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
      gzip: gzipSync(raw, { level: 9 }),
    };
    packed.set(file, entry);
  }
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.setHeader('Content-Encoding', encoding);
  res.setHeader('Vary', 'Accept-Encoding');
  res.type(path.extname(file)).send(entry[encoding]);
  return true;
}

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
    if (sendCompressed(dir, req, res)) return;
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
