/**
 * Background work as named "drain" tasks: each reads its durable state from the database
 * (outbox rows, bulk jobs, …), so a crash loses nothing and a rerun picks up where it stopped.
 * A task runs when triggered and every `everySeconds`; runs of one task never overlap.
 */
export interface JobRunner {
  register(name: string, task: () => Promise<void>, options: { everySeconds: number }): void;
  /** Asks for a run soon (after the caller's transaction has committed). */
  trigger(name: string): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** How each job is doing (metrics, stall alerts, the System page). */
  health(): Promise<JobHealth[]>;
}

export interface JobHealth {
  name: string;
  /** Runs waiting or running now. */
  depth: number;
  /** Failed runs since this process started. */
  failures: number;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  /**
   * Since when work of this job has been waiting without a run finishing (null: nothing
   * waiting). A value far in the past is a stalled queue.
   */
  waitingSince: Date | null;
}

/** Per-job bookkeeping shared by the runners. */
export class JobStats {
  private readonly stats = new Map<
    string,
    { failures: number; lastSuccessAt: Date | null; lastFailureAt: Date | null }
  >();

  private of(name: string) {
    let entry = this.stats.get(name);
    if (!entry) {
      entry = { failures: 0, lastSuccessAt: null, lastFailureAt: null };
      this.stats.set(name, entry);
    }
    return entry;
  }

  succeeded(name: string) {
    this.of(name).lastSuccessAt = new Date();
  }

  failed(name: string) {
    const entry = this.of(name);
    entry.failures++;
    entry.lastFailureAt = new Date();
  }

  get(name: string) {
    return { ...this.of(name) };
  }
}
