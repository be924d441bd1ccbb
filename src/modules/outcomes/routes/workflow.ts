import { z } from 'zod';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { SECTION_STATUSES } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import {
  draftInput,
  listMySections,
  mySectionsQuery,
  saveDraft,
  submitInput,
  submitSection,
} from '../services/workflow.js';
import { idParams, sectionDetailReply } from './replies.js';

const tags = ['outcomes: workflow'];

const mySectionReply = z.object({
  id: z.string(),
  number: z.string(),
  course: z.object({ id: z.string(), number: z.string(), title: z.string().nullable() }),
  term: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  dueDate: z.string().nullable(),
  status: z.enum(SECTION_STATUSES),
  /** Outcomes whose took, passed and tool are set, or which are NCI. */
  complete: z.number().int(),
  total: z.number().int(),
});

/** The instructor's side of the assessment workflow (§3.2). */
export function workflowRoutes(app: HttpApp, { db, emailSender, baseUrl }: ModuleRouteDeps) {
  app.get(
    '/api/outcomes/my/sections',
    {
      config: { permission: ['read', SUBJECTS.section] },
      schema: {
        tags,
        summary: 'The sections the caller teaches, by due date',
        querystring: mySectionsQuery,
        response: { 200: z.object({ items: z.array(mySectionReply) }) },
      },
    },
    async (request) => listMySections(db, request.ctx, request.query),
  );

  app.put(
    '/api/outcomes/sections/:id/draft',
    {
      config: { permission: ['update', SUBJECTS.sectionOutcome] },
      schema: {
        tags,
        summary: "Autosave the instructor's numbers, narratives and CLO results (null clears)",
        params: idParams,
        body: draftInput,
        response: { 200: sectionDetailReply },
      },
    },
    async (request) => saveDraft(db, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/outcomes/sections/:id/submit',
    {
      config: { permission: ['update', SUBJECTS.sectionOutcome] },
      schema: {
        tags,
        summary: 'Submit the section’s results for review (422 with the problems to fix)',
        params: idParams,
        body: submitInput.nullish(),
        response: { 200: sectionDetailReply },
      },
    },
    async (request) =>
      submitSection(
        db,
        { emailSender, baseUrl },
        request.ctx,
        request.params.id,
        request.body ?? {},
      ),
  );
}
