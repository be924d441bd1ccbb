import type { OutcomeStatus } from '../types';

/** The PLO API's shapes (src/modules/outcomes/routes/plo.ts). */

export interface Plo {
  id: string;
  programId: string;
  number: number;
  description: string;
}

export interface MappingVersion {
  id: string;
  programId: string;
  status: 'draft' | 'published';
  version: number | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  entryCount: number;
}

export interface MatrixClo {
  id: string;
  courseId: string;
  course: string;
  courseTitle: string | null;
  number: number;
  description: string;
  isActive: boolean;
  /** False when the course has left the program since the version mapped the CLO. */
  inProgram: boolean;
  programOutcomeId: string | null;
}

export interface Matrix {
  program: { id: string; name: string };
  mapping: MappingVersion | null;
  /** For a draft not created yet: the published version its first edit copies. */
  basedOnVersion: number | null;
  plos: Plo[];
  clos: MatrixClo[];
  unmapped: string[];
}

export type Result = 'S' | 'U';

/** Numbers of a group of section outcomes (sums over took > 0; null: no data, never 0). */
export interface Numbers {
  took: number | null;
  passed: number | null;
  /** 0–100. */
  rate: number | null;
  result: Result | null;
}

export interface Aggregate extends Numbers {
  counted: number;
}

export interface TreeSection extends Numbers {
  id: string;
  sectionOutcomeId: string;
  number: string;
  label: string;
  status: OutcomeStatus;
}

export interface TreeClo extends Aggregate {
  id: string;
  courseId: string;
  course: string;
  number: number;
  description: string;
  label: string;
  sections: TreeSection[];
}

export interface TreePlo extends Aggregate {
  id: string;
  number: number;
  description: string;
  clos: TreeClo[];
}

export interface CurrentMapping {
  id: string;
  version: number;
  publishedAt: string | null;
}

export interface Dashboard extends Aggregate {
  program: { id: string; name: string };
  term: { id: string; code: string; name: string };
  mapping: CurrentMapping | null;
  threshold: number;
  plos: TreePlo[];
}

export interface TrendPoint extends Aggregate {
  termId: string;
  clos: string[];
  changed: boolean;
  added: string[];
  removed: string[];
}

export interface Trend {
  program: { id: string; name: string };
  mapping: CurrentMapping | null;
  threshold: number;
  terms: { id: string; code: string; name: string }[];
  overall: TrendPoint[];
  plos: { id: string; number: number; description: string; points: TrendPoint[] }[];
}
