import { z } from 'zod';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { SUBJECTS } from '../permissions.js';
import {
  activeProgramChoices,
  activeProgramInput,
  chooseActiveProgram,
} from '../services/active-program.js';

const tags = ['outcomes: active program'];
const choicesReply = z.object({
  activeProgramId: z.string().nullable(),
  programs: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** The session's narrowing to one program: every outcomes list and page then shows only it. */
export function activeProgramRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  app.get(
    '/api/outcomes/active-program',
    {
      config: { permission: ['read', SUBJECTS.program] },
      schema: {
        tags,
        summary: 'The programs this session may narrow to, and the chosen one',
        response: { 200: choicesReply },
      },
    },
    async (request) => activeProgramChoices(db, request.ctx),
  );

  app.put(
    '/api/outcomes/active-program',
    {
      config: { permission: ['read', SUBJECTS.program] },
      schema: {
        tags,
        summary: 'Narrow this session to one program (null: every program in scope)',
        body: activeProgramInput,
        response: { 200: z.object({ activeProgramId: z.string().nullable() }) },
      },
    },
    async (request) => chooseActiveProgram(db, request.ctx, request.body),
  );
}
