import { ValidationError } from '../errors.js';
import type { ImportPipeline, PlanRequest, ResolvedPlan } from './types.js';

function checkNames(pipeline: ImportPipeline, flag: string, names: readonly string[]) {
  const valid = pipeline.steps.map((s) => s.name);
  const unknown = names.filter((name) => !valid.includes(name));
  if (unknown.length > 0) {
    throw new ValidationError(
      `Unknown step${unknown.length > 1 ? 's' : ''} in --${flag}: ${unknown.join(', ')}. Valid steps: ${valid.join(', ')}`,
      unknown.map((name) => ({ path: flag, message: `unknown step "${name}"` })),
    );
  }
}

/**
 * Topological order of the pipeline's steps (declaration order breaks ties), so a step always
 * runs after the steps it depends on.
 */
function topologicalOrder(pipeline: ImportPipeline): string[] {
  const byName = new Map(pipeline.steps.map((s) => [s.name, s]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: string[] = [];
  const visit = (name: string) => {
    if (done.has(name)) return;
    if (visiting.has(name)) {
      throw new Error(`Import pipeline ${pipeline.name} has a dependency cycle at ${name}`);
    }
    visiting.add(name);
    for (const dependency of byName.get(name)?.dependsOn ?? []) {
      if (byName.has(dependency)) visit(dependency);
    }
    visiting.delete(name);
    done.add(name);
    order.push(name);
  };
  for (const step of pipeline.steps) visit(step.name);
  return order;
}

/**
 * The steps to run, in dependency order. Dependencies order the plan but are not pulled in: a
 * requested step whose dependency is not in the plan still runs, with a warning.
 */
export function resolvePlan(pipeline: ImportPipeline, request: PlanRequest = {}): ResolvedPlan {
  const only = request.only ?? [];
  const exclude = request.exclude ?? [];
  checkNames(pipeline, 'only', only);
  checkNames(pipeline, 'exclude', exclude);
  const requested = (name: string) =>
    (only.length === 0 || only.includes(name)) && !exclude.includes(name);
  const plan = topologicalOrder(pipeline).filter(requested);
  if (plan.length === 0) {
    throw new ValidationError('No step left to run: --only and --exclude leave the plan empty');
  }
  const warnings: string[] = [];
  for (const name of plan) {
    const step = pipeline.steps.find((s) => s.name === name);
    const missing = (step?.dependsOn ?? []).filter((dependency) => !plan.includes(dependency));
    if (missing.length > 0) {
      warnings.push(
        `${name} depends on ${missing.join(', ')}, which ${missing.length > 1 ? 'are' : 'is'} not in the plan: it runs against the data already imported`,
      );
    }
  }
  return { plan, warnings };
}
