import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError, notFound } from '@zemstvo/kernel';

/** Vite puts the content-hashed bundles here: a name never changes its content. */
const HASHED_ASSETS = 'assets/';

/**
 * Serves the built web app (`apps/web/dist`) at `/`:
 * - a file is looked up when it is asked for, not listed at start, so a `build:web` under a running
 *   server serves the new bundles at once (the old ones stay until the folder is rebuilt);
 * - the hashed bundles under `/assets/` are cached for a year, index.html is revalidated on each
 *   visit, so a new release reaches the browser on the next page load;
 * - a missing bundle is a 404, not index.html (a browser would try to run HTML as a script);
 * - any other path is a page of the app: index.html, whose router shows the page or its own 404.
 */
export async function serveWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const root = resolve(webDir);
  // `serve: false`: only `reply.sendFile` (which also refuses paths outside the root).
  await app.register(fastifyStatic, { root, serve: false });
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    if (req.url === '/api' || /^\/api[/?]/.test(req.url))
      throw new AppError('route_not_found', `No route ${req.method} ${req.url.split('?')[0]}`, 404);
    const path = (req.params as { '*'?: string })['*'] ?? '';
    if (path && extname(path) && (await isFileUnder(root, path))) {
      return path.startsWith(HASHED_ASSETS)
        ? reply.sendFile(path, { maxAge: '365d', immutable: true })
        : reply.sendFile(path, { cacheControl: false });
    }
    if (path.startsWith(HASHED_ASSETS)) throw notFound('File', 'file_not_found');
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  });
}

async function isFileUnder(root: string, path: string): Promise<boolean> {
  const file = resolve(root, path);
  if (!file.startsWith(root + sep)) return false;
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
