import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { AppError, NotFoundError } from '../errors.js';
import type { HttpApp } from './types.js';

const isFile = (filePath: string) =>
  statSync(filePath, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * Serves the built web app: files from webRoot, index.html for every other non-API path so
 * client-side routes load. Unknown /api paths stay JSON 404s.
 */
export async function registerSpa(app: HttpApp, webRoot: string) {
  if (existsSync(webRoot)) await app.register(fastifyStatic, { root: webRoot, serve: false });
  const hashedAsset = /^assets\//;

  app.get(
    '/api/*',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (request) => {
      throw new NotFoundError(`Route ${request.method} ${request.url.split('?')[0]}`);
    },
  );

  app.get(
    '/*',
    {
      config: { permission: 'public' },
      schema: { hide: true, params: z.object({ '*': z.string() }) },
    },
    async (request, reply) => {
      if (!existsSync(path.join(webRoot, 'index.html'))) {
        throw new AppError(503, 'web_not_built', 'The web app is not built: run npm run build');
      }
      const file = path.normalize(request.params['*']);
      if (file && !file.startsWith('..') && isFile(path.join(webRoot, file))) {
        const cache = hashedAsset.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
        return reply.header('cache-control', cache).sendFile(file);
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    },
  );
}
