import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { runImport, type ImportDeps } from './engine.js';
import { resolvePlan } from './plan.js';
import { liveProgress } from './progress.js';
import type { ImportPipeline, PlanRequest, RunImportRequest, RunSummary } from './types.js';

export interface CliImportOptions {
  json?: boolean;
  /** Where the progress bars go (stderr; drawn only on a terminal). */
  progressStream?: NodeJS.WriteStream;
  /** Where the result goes. */
  out?: NodeJS.WritableStream;
}

const EXIT_OK = 0;
const EXIT_FAILED = 1;

/** The `import … --json` object of DOMAIN.md §4, exactly. */
export function cliJson(summary: RunSummary) {
  return {
    runId: summary.runId,
    status: summary.status,
    plan: summary.plan,
    steps: summary.steps.map(
      ({ name, status, read, created, updated, unchanged, skipped, failed }) => ({
        name,
        status,
        read,
        created,
        updated,
        unchanged,
        skipped,
        failed,
      }),
    ),
    errors: summary.errors.map(({ step, file, row, column, code, message }) => ({
      step,
      file,
      row,
      column,
      code,
      message,
    })),
  };
}

function humanLines(summary: RunSummary): string[] {
  const width = Math.max(...summary.steps.map((s) => s.name.length), 4);
  const lines = [
    `Import ${summary.runId}: ${summary.status}`,
    ...summary.warnings.map((w) => `warning: ${w}`),
    `${'step'.padEnd(width)}  status     read  created  updated  unchanged  skipped  failed`,
    ...summary.steps.map(
      (s) =>
        `${s.name.padEnd(width)}  ${s.status.padEnd(9)} ${String(s.read).padStart(5)}  ${String(s.created).padStart(7)}  ${String(s.updated).padStart(7)}  ${String(s.unchanged).padStart(9)}  ${String(s.skipped).padStart(7)}  ${String(s.failed).padStart(6)}${s.message ? `  ${s.message}` : ''}`,
    ),
  ];
  const shown = summary.errors.slice(0, 20);
  for (const e of shown) {
    const where = [e.file, e.row ? `row ${e.row}` : null, e.column].filter(Boolean).join(', ');
    lines.push(`  ${e.step}: ${where ? `${where}: ` : ''}${e.message} [${e.code}]`);
  }
  const more = summary.errors.length - shown.length + (summary.errorsOmitted ?? 0);
  if (more > 0) lines.push(`  … and ${more} more errors (download them from the Imports page)`);
  return lines;
}

interface BarState {
  name: string;
  status: string;
  done: number;
  total: number | null;
  rate: number;
}

/** One bar per step, fed from the run's live progress. */
function progressBars(stream: NodeJS.WriteStream) {
  const bars = new MultiBar(
    {
      stream,
      format: '{step} [{bar}] {value}/{total} rows · {rate} rows/s · {status}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const byStep = new Map<string, SingleBar>();
  let timer: NodeJS.Timeout | undefined;
  const draw = (steps: readonly BarState[]) => {
    const width = Math.max(...steps.map((s) => s.name.length));
    for (const step of steps) {
      if (step.status === 'pending') continue;
      const payload = { step: step.name.padEnd(width), rate: step.rate, status: step.status };
      const total = Math.max(step.total ?? step.done, step.done, 1);
      const bar = byStep.get(step.name) ?? bars.create(total, 0, payload);
      byStep.set(step.name, bar);
      bar.setTotal(total);
      bar.update(step.done, payload);
    }
  };
  return {
    follow(runId: string) {
      timer = setInterval(() => {
        const progress = liveProgress.get(runId);
        if (progress) draw(progress.steps);
      }, 200);
    },
    stop(summary?: RunSummary) {
      clearInterval(timer);
      if (summary) {
        draw(
          summary.steps.map((s) => {
            const seconds = Math.max((s.durationMs ?? 0) / 1000, 0.001);
            return { ...s, done: s.read, total: s.read, rate: Math.round(s.read / seconds) };
          }),
        );
      }
      bars.stop();
    },
  };
}

/** `--plan-only`: the plan and its warnings (`{"plan", "warnings"}` with --json); nothing runs. */
export function printImportPlan(
  pipeline: ImportPipeline,
  request: PlanRequest,
  options: Pick<CliImportOptions, 'json' | 'out'> = {},
): number {
  const { plan, warnings } = resolvePlan(pipeline, request);
  const lines = [`Plan: ${plan.join(' → ')}`, ...warnings.map((w) => `warning: ${w}`)];
  (options.out ?? process.stdout).write(
    options.json ? `${JSON.stringify({ plan, warnings })}\n` : `${lines.join('\n')}\n`,
  );
  return EXIT_OK;
}

/**
 * Runs an import from the command line: a progress bar per step on stderr, then the summary
 * (`--json`: exactly the DOMAIN.md §4 object) on stdout. Returns the exit code: 0 when the run
 * succeeded, 1 when it partly or wholly failed. Usage errors throw (exit 2 in the caller).
 */
export async function runImportCli(
  deps: ImportDeps,
  request: RunImportRequest,
  options: CliImportOptions = {},
): Promise<number> {
  const out = options.out ?? process.stdout;
  const stream = options.progressStream ?? process.stderr;
  const bars = stream.isTTY ? progressBars(stream) : undefined;
  let summary: RunSummary | undefined;
  try {
    summary = await runImport(deps, {
      ...request,
      onStarted: (runId) => {
        bars?.follow(runId);
        request.onStarted?.(runId);
      },
    });
  } finally {
    bars?.stop(summary);
  }
  out.write(
    options.json ? `${JSON.stringify(cliJson(summary))}\n` : `${humanLines(summary).join('\n')}\n`,
  );
  return summary.status === 'succeeded' ? EXIT_OK : EXIT_FAILED;
}
