export interface ImportFinishedEvent {
  tenantId: string;
  pipeline: string;
  runId: string;
  status: 'succeeded' | 'partial' | 'failed' | 'cancelled';
  /** Reports the pipeline declares it affects. */
  affects: readonly string[];
}

export type ImportListener = (event: ImportFinishedEvent) => void | Promise<void>;

const listeners = new Set<ImportListener>();

/**
 * Registers a listener called after a committed run wrote data (e.g. to invalidate the tenant's
 * report caches). Partial and failed runs count too: the batches they committed are real data.
 * Returns the function that removes the listener.
 */
export function onImportSucceeded(listener: ImportListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Calls every listener; one failing listener does not stop the others. */
export async function notifyImportSucceeded(
  event: ImportFinishedEvent,
  onError: (error: unknown) => void,
): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener(event);
    } catch (error) {
      onError(error);
    }
  }
}
