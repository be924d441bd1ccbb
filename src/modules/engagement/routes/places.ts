import { z } from 'zod';
import { pageReply } from '../../../core/http/pagination.js';
import type { HttpApp } from '../../../core/http/types.js';
import type { ModuleRouteDeps } from '../../../core/modules/define-module.js';
import { DISTRICT_SORTS, SCHOOL_SORTS } from '../data/screens/places.js';
import { EVENT_STATUSES, SCHOOL_LEVELS } from '../enums.js';
import { SUBJECTS } from '../permissions.js';
import {
  getDistrict,
  getSchool,
  listDistrictsFor,
  listSchoolsFor,
  placeOptionsFor,
} from '../services/places.js';
import { idParams, listQuery, nullableText, searchParam, windowOf, withPage } from './shared.js';

const school = z.object({
  id: z.string(),
  name: z.string(),
  districtId: nullableText,
  district: nullableText,
  code: nullableText,
  level: z.enum(SCHOOL_LEVELS),
  teachers: z.number().int(),
  students: z.number().int(),
  events: z.number().int(),
});

const schoolDetail = school.extend({
  latestEvents: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      startAt: z.date().nullable(),
      status: z.enum(EVENT_STATUSES),
    }),
  ),
});

const district = z.object({
  id: z.string(),
  name: z.string(),
  code: nullableText,
  aliases: z.array(z.string()),
  schools: z.number().int(),
  students: z.number().int(),
});

const districtDetail = district.extend({
  events: z.number().int(),
  schoolList: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      level: z.enum(SCHOOL_LEVELS),
      code: nullableText,
    }),
  ),
});

const schoolQuery = listQuery(SCHOOL_SORTS).extend({
  search: searchParam,
  districtId: z.uuid().optional(),
  level: z.enum(SCHOOL_LEVELS).optional(),
});
const districtQuery = listQuery(DISTRICT_SORTS).extend({ search: searchParam });

const options = z.object({
  districts: z.array(z.object({ id: z.string(), name: z.string() })),
  schools: z.array(z.object({ id: z.string(), name: z.string(), districtId: nullableText })),
});

/** Schools and districts (read here; deleted through the destructive-action routes). */
export function placeRoutes(app: HttpApp, { db }: ModuleRouteDeps) {
  const tags = ['engagement'];
  const schools = { permission: ['read', SUBJECTS.school] } as const;
  const districts = { permission: ['read', SUBJECTS.district] } as const;
  app.get(
    '/api/engagement/schools',
    {
      config: schools,
      schema: { tags, querystring: schoolQuery, response: { 200: pageReply(school) } },
    },
    async (request) =>
      withPage(await listSchoolsFor(db, request.ctx, windowOf(request.query)), request.query),
  );
  app.get(
    '/api/engagement/schools/:id',
    { config: schools, schema: { tags, params: idParams, response: { 200: schoolDetail } } },
    async (request) => getSchool(db, request.ctx, request.params.id),
  );
  app.get(
    '/api/engagement/districts',
    {
      config: districts,
      schema: { tags, querystring: districtQuery, response: { 200: pageReply(district) } },
    },
    async (request) =>
      withPage(await listDistrictsFor(db, request.ctx, windowOf(request.query)), request.query),
  );
  app.get(
    '/api/engagement/districts/:id',
    { config: districts, schema: { tags, params: idParams, response: { 200: districtDetail } } },
    async (request) => getDistrict(db, request.ctx, request.params.id),
  );
  app.get(
    '/api/engagement/places',
    {
      config: schools,
      schema: {
        tags,
        summary: 'The districts and schools the caller sees, for filters and forms',
        response: { 200: options },
      },
    },
    async (request) => placeOptionsFor(db, request.ctx),
  );
}
