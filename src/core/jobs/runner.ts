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
}
