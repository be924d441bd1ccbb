import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { testDatabaseKinds } from '../support/databases.js';
import { signIn } from '../support/identity.js';
import { apiAs, createOutcomesApp, seedInstitution, seedMember } from '../support/outcomes.js';

type Api = ReturnType<typeof apiAs>;
type Method = Parameters<Api>[0];

/** One check of a route: the request and the status a program admin of Nursing gets. */
interface Check {
  method: Method;
  url: string;
  body?: object;
  status: number;
}

describe.each(testDatabaseKinds())('outcomes scoping on %s', (kind) => {
  let t: TestApp;
  let admin: Api;
  let nursingAdmin: Api;
  let instructor: Api;
  type Key =
    | 'nursing'
    | 'welding'
    | 'term'
    | 'spring'
    | 'nur'
    | 'wld'
    | 'shared'
    | 'nurClo'
    | 'wldClo'
    | 'instructor'
    | 'nurOffering'
    | 'wldOffering'
    | 'nurSection'
    | 'nurSection2'
    | 'wldSection';
  const ids = {} as Record<Key, string>;

  const create = async (api: Api, url: string, body: object) => {
    const response = await api('POST', url, body);
    expect(response.status, `${url} ${JSON.stringify(response.body)}`).toBe(201);
    return response.body.id as string;
  };

  beforeAll(async () => {
    t = await createOutcomesApp(kind);
    const { database } = t.testDb;
    await seedInstitution(database, 'college');
    await seedInstitution(database, 'other');
    await seedInstitution(database, 'engage', ['engagement']);
    await seedMember(database, 'admin@college.example.edu', 'college', 'tenant_admin');
    await seedMember(database, 'admin@other.example.edu', 'other', 'tenant_admin');
    await seedMember(database, 'admin@engage.example.org', 'engage', 'tenant_admin');
    admin = apiAs(t.app, (await signIn(t.app, 'admin@college.example.edu')).cookie);

    ids.nursing = await create(admin, '/api/outcomes/programs', { name: 'Nursing' });
    ids.welding = await create(admin, '/api/outcomes/programs', { name: 'Welding' });
    ids.term = await create(admin, '/api/outcomes/terms', { code: '2024FA' });
    ids.spring = await create(admin, '/api/outcomes/terms', { code: '2025SP' });
    ids.nur = await create(admin, '/api/outcomes/courses', {
      number: 'NUR-101',
      programIds: [ids.nursing],
    });
    ids.wld = await create(admin, '/api/outcomes/courses', {
      number: 'WLD-101',
      programIds: [ids.welding],
    });
    ids.shared = await create(admin, '/api/outcomes/courses', {
      number: 'SHR-101',
      programIds: [ids.nursing, ids.welding],
    });
    ids.nurClo = await create(admin, `/api/outcomes/courses/${ids.nur}/outcomes`, {
      description: 'Take vital signs',
    });
    ids.wldClo = await create(admin, `/api/outcomes/courses/${ids.wld}/outcomes`, {
      description: 'Weld a butt joint',
    });
    ids.instructor = await create(admin, '/api/outcomes/instructors', {
      name: 'Morgan Tate',
      email: 'morgan.tate@college.example.edu',
    });
    for (const [key, course] of [
      ['nurOffering', ids.nur],
      ['wldOffering', ids.wld],
    ] as const) {
      ids[key] = await create(admin, '/api/outcomes/offerings', {
        courseId: course,
        termId: ids.term,
        sections: 2,
        instructorId: key === 'nurOffering' ? ids.instructor : null,
      });
    }
    const sectionsOf = async (offering: string) =>
      (
        (await admin('GET', `/api/outcomes/sections?offeringId=${offering}`)).body.items as {
          id: string;
        }[]
      ).map((s) => s.id);
    const [first = '', second = ''] = await sectionsOf(ids.nurOffering);
    ids.nurSection = first;
    ids.nurSection2 = second;
    ids.wldSection = (await sectionsOf(ids.wldOffering))[0] ?? '';

    await seedMember(database, 'pa@college.example.edu', 'college', 'program_admin', [ids.nursing]);
    await seedMember(database, 'morgan.tate@college.example.edu', 'college', 'instructor');
    nursingAdmin = apiAs(t.app, (await signIn(t.app, 'pa@college.example.edu')).cookie);
    instructor = apiAs(t.app, (await signIn(t.app, 'morgan.tate@college.example.edu')).cookie);
  });
  afterAll(() => t.dispose());

  const listed = async (api: Api, url: string, field = 'number') =>
    ((await api('GET', url)).body.items as Record<string, unknown>[]).map((item) => {
      const course = item.course as { number: string } | undefined;
      return course ? course.number : item[field];
    });

  it('narrows every list to the program admin’s programs', async () => {
    expect(await listed(nursingAdmin, '/api/outcomes/programs', 'name')).toEqual(['Nursing']);
    expect(await listed(nursingAdmin, '/api/outcomes/courses')).toEqual(['NUR-101', 'SHR-101']);
    expect(await listed(nursingAdmin, '/api/outcomes/offerings')).toEqual(['NUR-101']);
    expect(await listed(nursingAdmin, '/api/outcomes/sections')).toEqual(['NUR-101', 'NUR-101']);
    expect(await listed(admin, '/api/outcomes/sections')).toHaveLength(4);
  });

  it('answers allowed, 403 or 404 on every outcomes route for a program admin', async () => {
    const { nur, wld } = ids;
    const outcomeOf = async (section: string) =>
      (await admin('GET', `/api/outcomes/sections/${section}`)).body.outcomes[0].id as string;
    const nurOutcome = await outcomeOf(ids.nurSection);
    const wldOutcome = await outcomeOf(ids.wldSection);
    // PLOs and their mapping: Nursing's are the program admin's, Welding's do not exist for them.
    const program = (id: string, rest: string) => `/api/outcomes/programs/${id}${rest}`;
    const nurPlo = await create(admin, program(ids.nursing, '/plos'), { description: 'Safe care' });
    const wldPlo = await create(admin, program(ids.welding, '/plos'), { description: 'Weld' });
    const entry = '/plo-mappings/draft/entries/';
    const ploChecks: Record<string, Check[]> = {
      'GET /api/outcomes/programs/:id/plos': [
        { method: 'GET', url: program(ids.nursing, '/plos'), status: 200 },
        { method: 'GET', url: program(ids.welding, '/plos'), status: 404 },
      ],
      'POST /api/outcomes/programs/:id/plos': [
        {
          method: 'POST',
          url: program(ids.nursing, '/plos'),
          body: { description: 'Care' },
          status: 201,
        },
        {
          method: 'POST',
          url: program(ids.welding, '/plos'),
          body: { description: 'X' },
          status: 404,
        },
      ],
      'PATCH /api/outcomes/plos/:id': [
        {
          method: 'PATCH',
          url: `/api/outcomes/plos/${nurPlo}`,
          body: { description: 'Safe' },
          status: 200,
        },
        {
          method: 'PATCH',
          url: `/api/outcomes/plos/${wldPlo}`,
          body: { description: 'X' },
          status: 404,
        },
      ],
      'DELETE /api/outcomes/plos/:id': [
        { method: 'DELETE', url: `/api/outcomes/plos/${wldPlo}`, status: 404 },
      ],
      'GET /api/outcomes/programs/:id/plo-mappings': [
        { method: 'GET', url: program(ids.nursing, '/plo-mappings'), status: 200 },
        { method: 'GET', url: program(ids.welding, '/plo-mappings'), status: 404 },
      ],
      'GET /api/outcomes/programs/:id/plo-mappings/:version': [
        { method: 'GET', url: program(ids.nursing, '/plo-mappings/draft'), status: 200 },
        { method: 'GET', url: program(ids.welding, '/plo-mappings/current'), status: 404 },
      ],
      'PUT /api/outcomes/programs/:id/plo-mappings/draft/entries/:courseOutcomeId': [
        {
          method: 'PUT',
          url: program(ids.nursing, `${entry}${ids.nurClo}`),
          body: { programOutcomeId: nurPlo },
          status: 200,
        },
        {
          method: 'PUT',
          url: program(ids.welding, `${entry}${ids.wldClo}`),
          body: { programOutcomeId: wldPlo },
          status: 404,
        },
      ],
      'POST /api/outcomes/programs/:id/plo-mappings/draft/publish': [
        { method: 'POST', url: program(ids.nursing, '/plo-mappings/draft/publish'), status: 200 },
        { method: 'POST', url: program(ids.welding, '/plo-mappings/draft/publish'), status: 404 },
      ],
      'DELETE /api/outcomes/programs/:id/plo-mappings/draft': [
        { method: 'DELETE', url: program(ids.welding, '/plo-mappings/draft'), status: 404 },
      ],
      'GET /api/outcomes/programs/:id/plo-dashboard': [
        {
          method: 'GET',
          url: program(ids.nursing, `/plo-dashboard?termId=${ids.term}`),
          status: 200,
        },
        {
          method: 'GET',
          url: program(ids.welding, `/plo-dashboard?termId=${ids.term}`),
          status: 404,
        },
      ],
      'GET /api/outcomes/programs/:id/plo-trend': [
        { method: 'GET', url: program(ids.nursing, '/plo-trend'), status: 200 },
        { method: 'GET', url: program(ids.welding, '/plo-trend'), status: 404 },
      ],
    };
    const checks: Record<string, Check[]> = {
      'GET /api/outcomes/programs': [{ method: 'GET', url: '/api/outcomes/programs', status: 200 }],
      'GET /api/outcomes/active-program': [
        { method: 'GET', url: '/api/outcomes/active-program', status: 200 },
      ],
      'PUT /api/outcomes/active-program': [
        {
          method: 'PUT',
          url: '/api/outcomes/active-program',
          body: { programId: ids.welding },
          status: 404,
        },
        {
          method: 'PUT',
          url: '/api/outcomes/active-program',
          body: { programId: null },
          status: 200,
        },
      ],
      'GET /api/outcomes/dashboard': [
        { method: 'GET', url: `/api/outcomes/dashboard?termId=${ids.term}`, status: 200 },
      ],
      'GET /api/outcomes/programs/:id': [
        { method: 'GET', url: `/api/outcomes/programs/${ids.nursing}`, status: 200 },
        { method: 'GET', url: `/api/outcomes/programs/${ids.welding}`, status: 404 },
      ],
      'POST /api/outcomes/programs': [
        { method: 'POST', url: '/api/outcomes/programs', body: { name: 'Mine' }, status: 403 },
      ],
      'PATCH /api/outcomes/programs/:id': [
        {
          method: 'PATCH',
          url: `/api/outcomes/programs/${ids.nursing}`,
          body: { name: 'Nursing!' },
          status: 403,
        },
      ],
      'DELETE /api/outcomes/programs/:id': [
        { method: 'DELETE', url: `/api/outcomes/programs/${ids.nursing}`, status: 403 },
      ],
      'GET /api/outcomes/courses': [{ method: 'GET', url: '/api/outcomes/courses', status: 200 }],
      'GET /api/outcomes/courses/:id': [
        { method: 'GET', url: `/api/outcomes/courses/${nur}`, status: 200 },
        { method: 'GET', url: `/api/outcomes/courses/${ids.shared}`, status: 200 },
        { method: 'GET', url: `/api/outcomes/courses/${wld}`, status: 404 },
      ],
      'POST /api/outcomes/courses': [
        { method: 'POST', url: '/api/outcomes/courses', body: { number: 'NUR-102' }, status: 201 },
        {
          method: 'POST',
          url: '/api/outcomes/courses',
          body: { number: 'WLD-102', programIds: [ids.welding] },
          status: 403,
        },
      ],
      'PATCH /api/outcomes/courses/:id': [
        {
          method: 'PATCH',
          url: `/api/outcomes/courses/${nur}`,
          body: { title: 'Fundamentals' },
          status: 200,
        },
        {
          method: 'PATCH',
          url: `/api/outcomes/courses/${wld}`,
          body: { title: 'Mine' },
          status: 404,
        },
        {
          method: 'PATCH',
          url: `/api/outcomes/courses/${nur}`,
          body: { programIds: [ids.welding] },
          status: 403,
        },
      ],
      'POST /api/outcomes/courses/:id/duplicate': [
        {
          method: 'POST',
          url: `/api/outcomes/courses/${nur}/duplicate`,
          body: { number: 'NUR-103' },
          status: 201,
        },
        {
          method: 'POST',
          url: `/api/outcomes/courses/${wld}/duplicate`,
          body: { number: 'WLD-103' },
          status: 404,
        },
      ],
      'DELETE /api/outcomes/courses/:id': [
        { method: 'DELETE', url: `/api/outcomes/courses/${wld}`, status: 404 },
      ],
      'GET /api/outcomes/courses/:id/outcomes': [
        { method: 'GET', url: `/api/outcomes/courses/${nur}/outcomes`, status: 200 },
        { method: 'GET', url: `/api/outcomes/courses/${wld}/outcomes`, status: 404 },
      ],
      'POST /api/outcomes/courses/:id/outcomes': [
        {
          method: 'POST',
          url: `/api/outcomes/courses/${nur}/outcomes`,
          body: { description: 'Document care' },
          status: 201,
        },
        {
          method: 'POST',
          url: `/api/outcomes/courses/${wld}/outcomes`,
          body: { description: 'Mine' },
          status: 404,
        },
      ],
      'PATCH /api/outcomes/course-outcomes/:id': [
        {
          method: 'PATCH',
          url: `/api/outcomes/course-outcomes/${ids.nurClo}`,
          body: { description: 'Take and chart vital signs' },
          status: 200,
        },
        {
          method: 'PATCH',
          url: `/api/outcomes/course-outcomes/${ids.wldClo}`,
          body: { isActive: false },
          status: 404,
        },
      ],
      'DELETE /api/outcomes/course-outcomes/:id': [
        { method: 'DELETE', url: `/api/outcomes/course-outcomes/${ids.wldClo}`, status: 404 },
      ],
      'GET /api/outcomes/terms': [{ method: 'GET', url: '/api/outcomes/terms', status: 200 }],
      'GET /api/outcomes/terms/:id': [
        { method: 'GET', url: `/api/outcomes/terms/${ids.term}`, status: 200 },
      ],
      'POST /api/outcomes/terms': [
        { method: 'POST', url: '/api/outcomes/terms', body: { code: '2025SU' }, status: 403 },
      ],
      'PATCH /api/outcomes/terms/:id': [
        {
          method: 'PATCH',
          url: `/api/outcomes/terms/${ids.term}`,
          body: { name: 'Autumn' },
          status: 403,
        },
      ],
      'DELETE /api/outcomes/terms/:id': [
        { method: 'DELETE', url: `/api/outcomes/terms/${ids.spring}`, status: 403 },
      ],
      'GET /api/outcomes/offerings': [
        { method: 'GET', url: '/api/outcomes/offerings', status: 200 },
      ],
      'GET /api/outcomes/offerings/:id': [
        { method: 'GET', url: `/api/outcomes/offerings/${ids.nurOffering}`, status: 200 },
        { method: 'GET', url: `/api/outcomes/offerings/${ids.wldOffering}`, status: 404 },
      ],
      'POST /api/outcomes/offerings': [
        {
          method: 'POST',
          url: '/api/outcomes/offerings',
          body: { courseId: wld, termId: ids.spring },
          status: 404,
        },
      ],
      'POST /api/outcomes/offerings/:id/sections': [
        {
          method: 'POST',
          url: `/api/outcomes/offerings/${ids.nurOffering}/sections`,
          body: { sections: 1 },
          status: 201,
        },
        {
          method: 'POST',
          url: `/api/outcomes/offerings/${ids.wldOffering}/sections`,
          body: { sections: 1 },
          status: 404,
        },
      ],
      'DELETE /api/outcomes/offerings/:id': [
        { method: 'DELETE', url: `/api/outcomes/offerings/${ids.wldOffering}`, status: 404 },
      ],
      'GET /api/outcomes/sections': [{ method: 'GET', url: '/api/outcomes/sections', status: 200 }],
      'GET /api/outcomes/sections/:id': [
        { method: 'GET', url: `/api/outcomes/sections/${ids.nurSection}`, status: 200 },
        { method: 'GET', url: `/api/outcomes/sections/${ids.wldSection}`, status: 404 },
      ],
      'PATCH /api/outcomes/sections/:id': [
        {
          method: 'PATCH',
          url: `/api/outcomes/sections/${ids.nurSection}`,
          body: { enrollment: 20 },
          status: 200,
        },
        {
          method: 'PATCH',
          url: `/api/outcomes/sections/${ids.wldSection}`,
          body: { enrollment: 20 },
          status: 404,
        },
      ],
      'PUT /api/outcomes/sections/:id/instructor': [
        {
          method: 'PUT',
          url: `/api/outcomes/sections/${ids.nurSection2}/instructor`,
          body: { instructorId: ids.instructor },
          status: 200,
        },
        {
          method: 'PUT',
          url: `/api/outcomes/sections/${ids.wldSection}/instructor`,
          body: { instructorId: ids.instructor },
          status: 404,
        },
      ],
      'DELETE /api/outcomes/sections/:id': [
        { method: 'DELETE', url: `/api/outcomes/sections/${ids.wldSection}`, status: 404 },
      ],
      'GET /api/outcomes/my/sections': [
        { method: 'GET', url: '/api/outcomes/my/sections', status: 200 },
      ],
      // Results are the instructor's to enter: reviewers in scope get 403.
      'PUT /api/outcomes/sections/:id/draft': [
        {
          method: 'PUT',
          url: `/api/outcomes/sections/${ids.nurSection}/draft`,
          body: { celebrations: 'Mine' },
          status: 403,
        },
        {
          method: 'PUT',
          url: `/api/outcomes/sections/${ids.wldSection}/draft`,
          body: { celebrations: 'Mine' },
          status: 404,
        },
      ],
      'GET /api/outcomes/review': [{ method: 'GET', url: '/api/outcomes/review', status: 200 }],
      // In scope, an assigned outcome cannot be approved (409); out of scope it does not exist.
      'POST /api/outcomes/review/actions': [
        {
          method: 'POST',
          url: '/api/outcomes/review/actions',
          body: { action: 'approve', outcomeIds: [nurOutcome] },
          status: 409,
        },
        {
          method: 'POST',
          url: '/api/outcomes/review/actions',
          body: { action: 'approve', outcomeIds: [wldOutcome] },
          status: 404,
        },
      ],
      'GET /api/outcomes/review/reminders/default': [
        { method: 'GET', url: '/api/outcomes/review/reminders/default', status: 200 },
      ],
      'POST /api/outcomes/review/reminders': [
        {
          method: 'POST',
          url: '/api/outcomes/review/reminders',
          body: { sectionIds: [ids.nurSection], subject: 'Due soon', message: 'Please' },
          status: 200,
        },
        {
          method: 'POST',
          url: '/api/outcomes/review/reminders',
          body: { sectionIds: [ids.wldSection], subject: 'Due soon', message: 'Please' },
          status: 404,
        },
      ],
      'GET /api/outcomes/review/reminders/:bulkJobId': [
        { method: 'GET', url: `/api/outcomes/review/reminders/${ids.term}`, status: 404 },
      ],
      // The schedule is the tenant admin's.
      'GET /api/outcomes/reminder-settings': [
        { method: 'GET', url: '/api/outcomes/reminder-settings', status: 403 },
      ],
      'PUT /api/outcomes/reminder-settings': [
        {
          method: 'PUT',
          url: '/api/outcomes/reminder-settings',
          body: { enabled: true, daysBefore: [3], weeklyWhenOverdue: false },
          status: 403,
        },
      ],
      'POST /api/outcomes/sections/:id/submit': [
        { method: 'POST', url: `/api/outcomes/sections/${ids.nurSection}/submit`, status: 403 },
        { method: 'POST', url: `/api/outcomes/sections/${ids.wldSection}/submit`, status: 404 },
      ],
      'POST /api/outcomes/imports': [
        { method: 'POST', url: '/api/outcomes/imports', body: {}, status: 403 },
      ],
      'POST /api/outcomes/imports/:uploadId/commit': [
        { method: 'POST', url: `/api/outcomes/imports/${ids.term}/commit`, status: 403 },
      ],
      'GET /api/outcomes/imports/:uploadId/problems.csv': [
        { method: 'GET', url: `/api/outcomes/imports/${ids.term}/problems.csv`, status: 403 },
      ],
      'GET /api/outcomes/instructors': [
        { method: 'GET', url: '/api/outcomes/instructors', status: 200 },
      ],
      'GET /api/outcomes/instructors/:id': [
        { method: 'GET', url: `/api/outcomes/instructors/${ids.instructor}`, status: 200 },
      ],
      'POST /api/outcomes/instructors': [
        {
          method: 'POST',
          url: '/api/outcomes/instructors',
          body: { name: 'K. Bowm' },
          status: 201,
        },
      ],
      'PATCH /api/outcomes/instructors/:id': [
        {
          method: 'PATCH',
          url: `/api/outcomes/instructors/${ids.instructor}`,
          body: { name: 'Morgan A. Tate' },
          status: 200,
        },
      ],
      ...ploChecks,
    };
    const routes = t.app.routeTable
      .filter((route) => route.url.startsWith('/api/outcomes/'))
      .flatMap((route) => [route.method].flat().map((method) => `${method} ${route.url}`))
      .filter((key) => !key.startsWith('HEAD '));
    expect(Object.keys(checks).sort()).toEqual([...new Set(routes)].sort());
    for (const [route, cases] of Object.entries(checks)) {
      for (const check of cases) {
        const response = await nursingAdmin(check.method, check.url, check.body);
        expect(response.status, `${route} ${check.url} ${JSON.stringify(response.body)}`).toBe(
          check.status,
        );
      }
    }
  });

  it('deletes what is in scope: a course, a CLO, an offering, a section', async () => {
    const course = await create(nursingAdmin, '/api/outcomes/courses', { number: 'NUR-150' });
    const clo = await create(nursingAdmin, `/api/outcomes/courses/${course}/outcomes`, {
      description: 'Temporary',
    });
    expect((await nursingAdmin('DELETE', `/api/outcomes/course-outcomes/${clo}`)).status).toBe(204);
    const offering = await create(nursingAdmin, '/api/outcomes/offerings', {
      courseId: course,
      termId: ids.spring,
      sections: 2,
    });
    const sections = await nursingAdmin('GET', `/api/outcomes/sections?offeringId=${offering}`);
    const section = sections.body.items[0].id as string;
    expect((await nursingAdmin('DELETE', `/api/outcomes/sections/${section}`)).status).toBe(204);
    expect((await nursingAdmin('DELETE', `/api/outcomes/offerings/${offering}`)).status).toBe(204);
    expect((await nursingAdmin('DELETE', `/api/outcomes/courses/${course}`)).status).toBe(204);
  });

  it('shows instructors only the sections they teach, read-only', async () => {
    const own = await instructor('GET', '/api/outcomes/sections');
    expect(own.status).toBe(200);
    expect(own.body.items.map((s: { id: string }) => s.id).sort()).toEqual(
      [ids.nurSection, ids.nurSection2].sort(),
    );
    expect((await instructor('GET', `/api/outcomes/sections/${ids.nurSection}`)).status).toBe(200);
    expect((await instructor('GET', `/api/outcomes/sections/${ids.wldSection}`)).status).toBe(404);
    const edit = await instructor('PATCH', `/api/outcomes/sections/${ids.nurSection}`, {
      enrollment: 1,
    });
    expect(edit.status).toBe(403);
    expect((await instructor('GET', '/api/outcomes/courses')).status).toBe(403);
  });

  it('keeps each institution to itself, and tenants without the module out', async () => {
    const other = apiAs(t.app, (await signIn(t.app, 'admin@other.example.edu')).cookie);
    for (const list of ['programs', 'courses', 'terms', 'offerings', 'sections', 'instructors']) {
      const response = await other('GET', `/api/outcomes/${list}`);
      expect(response.status).toBe(200);
      for (const secret of ['Nursing', 'NUR-101', 'WLD-101', '2024FA', 'Morgan']) {
        expect(JSON.stringify(response.body), `${list} leaks ${secret}`).not.toContain(secret);
      }
    }
    expect((await other('GET', `/api/outcomes/courses/${ids.nur}`)).status).toBe(404);
    expect((await other('GET', `/api/outcomes/sections/${ids.nurSection}`)).status).toBe(404);

    const engage = apiAs(t.app, (await signIn(t.app, 'admin@engage.example.org')).cookie);
    const off = await engage('GET', '/api/outcomes/courses');
    expect(off.status).toBe(404);
    expect(off.body.error.code).toBe('module_not_enabled');
  });
});
