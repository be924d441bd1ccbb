import { z } from 'zod';
import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { COURSE_SORTS } from '../data/courses.js';
import { SUBJECTS } from '../permissions.js';
import {
  courseOutcomeInput,
  courseOutcomeUpdateInput,
  createCourseOutcome,
  deleteCourseOutcome,
  listCourseOutcomes,
  updateCourseOutcome,
} from '../services/course-outcomes.js';
import {
  courseInput,
  courseUpdateInput,
  createCourse,
  deleteCourse,
  duplicateCourse,
  duplicateInput,
  getCourse,
  listCourses,
  updateCourse,
} from '../services/courses.js';
import { listQuery, pageOf, windowOf } from './list-query.js';
import { courseDetailReply, courseOutcomeReply, courseReply, idParams } from './replies.js';

const tags = ['outcomes: courses'];
const course = SUBJECTS.course;
const clo = SUBJECTS.courseOutcome;

/** Courses, and their course learning outcomes (CLOs). */
export function courseRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const query = listQuery(COURSE_SORTS, 'number').extend({ programId: z.uuid().optional() });
  app.get(
    '/api/outcomes/courses',
    {
      config: { permission: ['read', course] },
      schema: { tags, querystring: query, response: { 200: pageReply(courseReply) } },
    },
    async (request) =>
      pageOf(request.query, await listCourses(db, request.ctx, windowOf(request.query))),
  );

  app.get(
    '/api/outcomes/courses/:id',
    {
      config: { permission: ['read', course] },
      schema: { tags, params: idParams, response: { 200: courseDetailReply } },
    },
    async (request) => getCourse(db, request.ctx, request.params.id),
  );

  app.post(
    '/api/outcomes/courses',
    {
      config: { permission: ['create', course] },
      schema: { tags, body: courseInput, response: { 201: courseReply } },
    },
    async (request, reply) =>
      reply.status(201).send(await createCourse(db, request.ctx, request.body)),
  );

  app.patch(
    '/api/outcomes/courses/:id',
    {
      config: { permission: ['update', course] },
      schema: { tags, params: idParams, body: courseUpdateInput, response: { 200: courseReply } },
    },
    async (request) => updateCourse(db, request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/outcomes/courses/:id',
    {
      config: { permission: ['delete', course] },
      schema: { tags, params: idParams },
    },
    async (request, reply) => {
      await deleteCourse(db, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/outcomes/courses/:id/duplicate',
    {
      config: { permission: ['create', course] },
      schema: {
        tags,
        summary: 'A new course with the same title, credit hours, programs and CLOs',
        params: idParams,
        body: duplicateInput,
        response: { 201: courseReply },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await duplicateCourse(db, request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/outcomes/courses/:id/outcomes',
    {
      config: { permission: ['read', clo] },
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(courseOutcomeReply) }) },
      },
    },
    async (request) => ({ items: await listCourseOutcomes(db, request.ctx, request.params.id) }),
  );

  app.post(
    '/api/outcomes/courses/:id/outcomes',
    {
      config: { permission: ['create', clo] },
      schema: {
        tags,
        summary: 'Add a CLO; every section of the course gets it',
        params: idParams,
        body: courseOutcomeInput,
        response: { 201: courseOutcomeReply },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createCourseOutcome(db, request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/outcomes/course-outcomes/:id',
    {
      config: { permission: ['update', clo] },
      schema: {
        tags,
        params: idParams,
        body: courseOutcomeUpdateInput,
        response: { 200: courseOutcomeReply },
      },
    },
    async (request) => updateCourseOutcome(db, request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/outcomes/course-outcomes/:id',
    {
      config: { permission: ['delete', clo] },
      schema: { tags, params: idParams },
    },
    async (request, reply) => {
      await deleteCourseOutcome(db, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
