import { z } from 'zod';
import type { HttpApp } from '../http/types.js';
import { registerInstitution, registrationInput, type RegistrationDeps } from './registration.js';

/** Mounted only when SELF_REGISTRATION=on. */
export function registrationRoutes(app: HttpApp, deps: RegistrationDeps) {
  app.post(
    '/api/register',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Create your institution (self-registration)',
        body: registrationInput,
        response: { 201: z.object({ tenantSlug: z.string(), email: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerInstitution(deps, request.body, request.id)),
  );
}
