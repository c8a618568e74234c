import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Worth compressing: text, past a size where the headers outweigh the saving. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.webmanifest']);
const COMPRESS_MIN_BYTES = 1024;
/** Vite names what it builds by content hash, so a file there never changes (SPEC 13). */
const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface StaticFile {
  type: string;
  raw: Buffer;
  gzip: Buffer | null;
  brotli: Buffer | null;
  etag: string;
  cacheControl: string;
}

export interface StaticSite {
  /** The answer for a GET or HEAD of `path`, or null when the site has no such file. */
  answer(path: string, acceptEncoding: string | null, ifNoneMatch: string | null): Response | null;
  /** The SHA-256 sources of index.html's inline scripts, for the CSP (SERVER-9). */
  inlineScriptHashes: readonly string[];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function inlineScriptHashesOf(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) =>
      `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`,
  );
}

/**
 * Whether the client takes a content coding, by its Accept-Encoding: named
 * or by `*`, and not refused with `q=0`.
 */
function acceptedCodings(header: string | null): (coding: string) => boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    if (name) weights.set(name, q ? Number(q.slice(2)) : 1);
  }
  return (coding) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
}

/**
 * The SPA as built, read and compressed once at start: hashed assets are
 * cached for a year, everything else is revalidated, and any path that names
 * no file and no extension is a route of the app, answered with index.html.
 */
export async function loadStaticSite(dir: string): Promise<StaticSite> {
  const files = new Map<string, StaticFile>();
  for (const file of await filesUnder(dir)) {
    const path = `/${relative(dir, file).split(sep).join('/')}`;
    const extension = extname(file);
    const raw = await readFile(file);
    const compress = COMPRESSIBLE.has(extension) && raw.byteLength >= COMPRESS_MIN_BYTES;
    files.set(path, {
      type: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      raw,
      gzip: compress ? gzipSync(raw, { level: 9 }) : null,
      brotli: compress
        ? brotliCompressSync(raw, {
            params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
          })
        : null,
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
      cacheControl: path.startsWith(HASHED_ASSETS) ? IMMUTABLE : 'no-cache',
    });
  }
  const index = files.get('/index.html');
  if (!index) throw new Error(`${dir} holds no index.html: build the app first.`);

  return {
    inlineScriptHashes: inlineScriptHashesOf(index.raw.toString('utf8')),
    answer(path, acceptEncoding, ifNoneMatch) {
      const file =
        files.get(path) ??
        (extname(path) === '' && !path.startsWith(HASHED_ASSETS) ? index : undefined);
      if (!file) return null;
      const headers = new Headers({
        'Content-Type': file.type,
        'Cache-Control': file.cacheControl,
        ETag: file.etag,
        Vary: 'Accept-Encoding',
      });
      if (ifNoneMatch === file.etag) return new Response(null, { status: 304, headers });
      const accepts = acceptedCodings(acceptEncoding);
      let body = file.raw;
      if (file.brotli && accepts('br')) {
        body = file.brotli;
        headers.set('Content-Encoding', 'br');
      } else if (file.gzip && accepts('gzip')) {
        body = file.gzip;
        headers.set('Content-Encoding', 'gzip');
      }
      headers.set('Content-Length', String(body.byteLength));
      return new Response(new Uint8Array(body), { headers });
    },
  };
}
