import type { Dashboard, MappingVersion, Matrix, Plo, Trend, TrendPoint } from './types';

/** PLO screens' test data: Nursing (p-1) with two PLOs and three CLOs. */

export const plo1: Plo = { id: 'plo-1', programId: 'p-1', number: 1, description: 'Safe care' };
export const plo2: Plo = {
  id: 'plo-2',
  programId: 'p-1',
  number: 2,
  description: 'Communication',
};

export const v1: MappingVersion = {
  id: 'm-1',
  programId: 'p-1',
  status: 'published',
  version: 1,
  publishedAt: '2025-01-10T15:00:00.000Z',
  createdAt: '2025-01-09T15:00:00.000Z',
  updatedAt: '2025-01-10T15:00:00.000Z',
  entryCount: 1,
};

export const draft: MappingVersion = {
  ...v1,
  id: 'm-2',
  status: 'draft',
  version: null,
  publishedAt: null,
  entryCount: 2,
};

const clo = (id: string, course: string, number: number, ploId: string | null) => ({
  id,
  courseId: `c-${course}`,
  course,
  courseTitle: null,
  number,
  description: `${course} outcome ${String(number)}`,
  isActive: true,
  inProgram: true,
  programOutcomeId: ploId,
});

/** The draft not started yet: v1 maps NUR-101.1 to PLO 1. */
export const matrixFromV1: Matrix = {
  program: { id: 'p-1', name: 'Nursing' },
  mapping: null,
  basedOnVersion: 1,
  plos: [plo1, plo2],
  clos: [
    clo('clo-a', 'NUR-101', 1, 'plo-1'),
    clo('clo-b', 'NUR-101', 2, null),
    clo('clo-c', 'SHR-101', 1, null),
  ],
  unmapped: ['clo-b', 'clo-c'],
};

export const matrixV1: Matrix = { ...matrixFromV1, mapping: v1, basedOnVersion: null };

/** After mapping NUR-101.2 to PLO 2 (the draft now exists). */
export const matrixDraft: Matrix = {
  ...matrixFromV1,
  mapping: draft,
  basedOnVersion: null,
  clos: matrixFromV1.clos.map((c) => (c.id === 'clo-b' ? { ...c, programOutcomeId: 'plo-2' } : c)),
  unmapped: ['clo-c'],
};

const numbers = (took: number | null, passed: number | null, threshold = 75) => {
  const rate = took && passed !== null ? (passed / took) * 100 : null;
  return {
    took,
    passed,
    rate,
    result: rate === null ? null : rate >= threshold ? ('S' as const) : ('U' as const),
    counted: took ? 1 : 0,
  };
};

export const terms = [
  { id: 't-1', code: '2024SP', name: 'Spring 2024' },
  { id: 't-2', code: '2024FA', name: 'Fall 2024' },
  { id: 't-3', code: '2025SP', name: 'Spring 2025' },
];

const point = (
  termId: string,
  took: number | null,
  passed: number | null,
  clos: string[],
  change: Partial<Pick<TrendPoint, 'changed' | 'added' | 'removed'>> = {},
): TrendPoint => ({
  termId,
  ...numbers(took, passed),
  clos,
  changed: false,
  added: [],
  removed: [],
  ...change,
});

export const trend: Trend = {
  program: { id: 'p-1', name: 'Nursing' },
  mapping: { id: 'm-1', version: 1, publishedAt: v1.publishedAt },
  threshold: 75,
  terms,
  overall: [
    point('t-1', 20, 15, ['NUR-101.1']),
    point('t-2', null, null, []),
    point('t-3', 30, 20, ['NUR-101.1', 'SHR-101.1'], { changed: true, added: ['SHR-101.1'] }),
  ],
  plos: [
    {
      ...plo1,
      points: [
        point('t-1', 20, 15, ['NUR-101.1']),
        point('t-2', null, null, []),
        point('t-3', 30, 20, ['NUR-101.1', 'SHR-101.1'], { changed: true, added: ['SHR-101.1'] }),
      ],
    },
    {
      ...plo2,
      points: [
        point('t-1', null, null, []),
        point('t-2', null, null, []),
        point('t-3', null, null, []),
      ],
    },
  ],
};

export const dashboardSpring25: Dashboard = {
  program: { id: 'p-1', name: 'Nursing' },
  term: terms[2] ?? { id: 't-3', code: '2025SP', name: 'Spring 2025' },
  mapping: trend.mapping,
  threshold: 75,
  ...numbers(30, 20),
  counted: 2,
  plos: [
    {
      ...plo1,
      ...numbers(30, 20),
      counted: 2,
      clos: [
        {
          id: 'clo-a',
          courseId: 'c-NUR-101',
          course: 'NUR-101',
          number: 1,
          description: 'Take vital signs',
          label: 'NUR-101.1',
          ...numbers(20, 15),
          sections: [
            {
              id: 's-1',
              sectionOutcomeId: 'so-1',
              number: '001',
              label: 'NUR-101-001',
              status: 'approved',
              ...numbers(20, 15),
            },
          ],
        },
        {
          id: 'clo-c',
          courseId: 'c-SHR-101',
          course: 'SHR-101',
          number: 1,
          description: 'Work safely',
          label: 'SHR-101.1',
          ...numbers(10, 5),
          sections: [
            {
              id: 's-2',
              sectionOutcomeId: 'so-2',
              number: '001',
              label: 'SHR-101-001',
              status: 'submitted',
              ...numbers(10, 5),
            },
          ],
        },
      ],
    },
    { ...plo2, ...numbers(null, null), clos: [] },
  ],
};
