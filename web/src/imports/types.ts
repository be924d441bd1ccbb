export type RunStatus = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
export type StepStatus =
  'pending' | 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled' | 'skipped';

export interface Counts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export interface PipelineStep {
  name: string;
  dependsOn: string[];
  reads: string[];
}

export interface Pipeline {
  name: string;
  label: string;
  steps: PipelineStep[];
}

export interface ScheduledFailure {
  runId: string;
  pipeline: string;
  status: string;
  finishedAt: string | null;
  message: string | null;
}

export interface ImportsOverview {
  pipelines: Pipeline[];
  salesforce: { configured: boolean };
  lastScheduledFailure: ScheduledFailure | null;
}

export interface PlannedStep extends PipelineStep {
  /** Objects the step reads that the upload lacks. */
  missing: string[];
}

export interface PlanPreview {
  plan: PlannedStep[];
  warnings: string[];
}

export interface Upload {
  uploadId: string;
  fileName: string;
  files: string[];
}

export type RunSource = { type: 'upload'; uploadId: string } | { type: 'salesforce' };

export interface StartRunInput {
  pipeline: string;
  source: RunSource;
  exclude?: string[];
  validateOnly?: boolean;
  failFast?: boolean;
}

export interface StartedRun {
  runId: string;
  plan: string[];
  warnings: string[];
}

export interface RunSummary extends Counts {
  id: string;
  pipeline: string;
  source: string;
  mode: 'commit' | 'validate';
  status: RunStatus;
  triggeredBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
}

export interface RunStep extends Counts {
  name: string;
  status: StepStatus;
  total: number | null;
  /** Rows per second while the step works. */
  rate: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  message: string | null;
}

export interface RunDetail {
  id: string;
  pipeline: string;
  source: string;
  mode: 'commit' | 'validate';
  status: RunStatus;
  message: string | null;
  plan: string[];
  warnings: string[];
  triggeredBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  cancelRequested: boolean;
  errorCount: number;
  rejectedFiles: { file: string; count: number }[];
  canRerun: boolean;
  steps: RunStep[];
}

export interface RowError {
  id: number;
  step: string;
  file: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
}

export interface Schedule {
  pipeline: string;
  cron: string;
  enabled: boolean;
  lastScheduledAt: string | null;
  nextRunAt: string | null;
}
