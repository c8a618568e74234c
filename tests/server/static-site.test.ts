import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStaticSite, type StaticSite } from '../../server/http/static-site';

const INDEX_HTML = `<!doctype html><html><body><div id="root"></div>${'<!-- -->'.repeat(200)}</body></html>`;
const ASSET_JS = `export const words = ${JSON.stringify('word '.repeat(1000))};`;
const SMALL_CSS = 'body{margin:0}';
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg"></svg>';
const IMMUTABLE = 'public, max-age=31536000, immutable';

let dir = '';
let site: StaticSite;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'static-site-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), INDEX_HTML);
  await writeFile(join(dir, 'assets', 'app-Bx3kQ9aZ.js'), ASSET_JS);
  await writeFile(join(dir, 'assets', 'tiny-Cq1w2e3r.css'), SMALL_CSS);
  await writeFile(join(dir, 'favicon.svg'), FAVICON);
  site = await loadStaticSite(dir);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const get = (
  path: string,
  acceptEncoding: string | null = null,
  ifNoneMatch: string | null = null,
) => {
  const response = site.answer(path, acceptEncoding, ifNoneMatch);
  if (!response) throw new Error(`no answer for ${path}`);
  return response;
};
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('the app’s files as the server sends them (SPEC 13, issue 25)', () => {
  it('sends brotli to a browser that takes it, precompressed once, and says it varies by Accept-Encoding', async () => {
    const response = get('/assets/app-Bx3kQ9aZ.js', 'gzip, deflate, br, zstd');
    const body = await bytesOf(response);

    expect(response.headers.get('Content-Encoding')).toBe('br');
    expect(response.headers.get('Vary')).toBe('Accept-Encoding');
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(Number(response.headers.get('Content-Length'))).toBe(body.byteLength);
    expect(body.byteLength).toBeLessThan(ASSET_JS.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(ASSET_JS);
  });

  it('falls back to gzip, and to the file as it is, by what the client takes', async () => {
    const gzip = get('/assets/app-Bx3kQ9aZ.js', 'gzip');
    const refusesBrotli = get('/assets/app-Bx3kQ9aZ.js', 'br;q=0, gzip;q=0.8');
    const plain = get('/assets/app-Bx3kQ9aZ.js');
    const refusesAll = get('/assets/app-Bx3kQ9aZ.js', 'br;q=0, gzip;q=0');

    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(await bytesOf(gzip)).toString()).toBe(ASSET_JS);
    expect(refusesBrotli.headers.get('Content-Encoding')).toBe('gzip');
    for (const response of [plain, refusesAll]) {
      expect(response.headers.get('Content-Encoding')).toBeNull();
      expect(await response.text()).toBe(ASSET_JS);
    }
    expect(get('/assets/app-Bx3kQ9aZ.js', '*').headers.get('Content-Encoding')).toBe('br');
  });

  it('leaves a file too small to gain from it uncompressed', async () => {
    const response = get('/assets/tiny-Cq1w2e3r.css', 'br, gzip');
    expect(response.headers.get('Content-Encoding')).toBeNull();
    expect(await response.text()).toBe(SMALL_CSS);
  });

  it('caches hashed assets for a year and has the browser revalidate index.html, every route and public files', () => {
    expect(get('/assets/app-Bx3kQ9aZ.js').headers.get('Cache-Control')).toBe(IMMUTABLE);
    expect(get('/assets/tiny-Cq1w2e3r.css').headers.get('Cache-Control')).toBe(IMMUTABLE);
    for (const path of ['/index.html', '/login', '/account', '/favicon.svg']) {
      expect(get(path, 'br').headers.get('Cache-Control')).toBe('no-cache');
    }
  });

  it('answers a revalidation with 304 and no body while the file is the same', async () => {
    const first = get('/login', 'br');
    const etag = first.headers.get('ETag');
    const again = get('/login', 'br', etag);

    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('Cache-Control')).toBe('no-cache');
    expect(get('/login', 'br', '"another"').status).toBe(200);
  });

  it('serves index.html for a route of the app, and nothing for a missing asset or file', async () => {
    expect(await get('/w/ws_demo/members').text()).toBe(INDEX_HTML);
    expect(site.answer('/assets/missing-Dd4f5g6h.js', 'br', null)).toBeNull();
    expect(site.answer('/missing.png', 'br', null)).toBeNull();
  });
});
