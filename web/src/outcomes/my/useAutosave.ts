import { useCallback, useEffect, useRef, useState } from 'react';
import { saveDraft } from '../api';
import type { SectionDetail } from '../types';
import { draftInputOf, emptyPatch, groupsOf, isEmptyPatch, mergePatch, type Patch } from './draft';

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * Saves the instructor's changes as a draft, `delay` ms after the last one. Changes made while a
 * save runs are saved right after it; a failed save keeps its changes for the retry.
 */
export function useAutosave(
  sectionId: string,
  onSaved: (section: SectionDetail) => void,
  onFailed?: (error: Error) => void,
  delay = AUTOSAVE_DELAY_MS,
) {
  const pending = useRef<Patch>(emptyPatch());
  const inFlight = useRef<{ patch: Patch; done: Promise<boolean> } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<Error | null>(null);
  const [dirtyGroups, setDirtyGroups] = useState<ReadonlySet<string>>(new Set());
  const callbacks = useRef({ onSaved, onFailed });
  useEffect(() => {
    callbacks.current = { onSaved, onFailed };
  });

  const refreshDirty = useCallback(() => {
    const groups = [
      ...groupsOf(pending.current),
      ...groupsOf(inFlight.current?.patch ?? emptyPatch()),
    ];
    setDirtyGroups(new Set(groups));
  }, []);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    while (inFlight.current) await inFlight.current.done;
    if (isEmptyPatch(pending.current)) return true;
    const patch = pending.current;
    pending.current = emptyPatch();
    setState('saving');
    const done = saveDraft(sectionId, draftInputOf(patch)).then(
      (section) => {
        inFlight.current = null;
        callbacks.current.onSaved(section);
        setError(null);
        setState(isEmptyPatch(pending.current) ? 'saved' : 'pending');
        refreshDirty();
        return true;
      },
      (cause: unknown) => {
        inFlight.current = null;
        // What changed since wins over what failed to save.
        pending.current = mergePatch(patch, pending.current);
        const failure = cause instanceof Error ? cause : new Error(String(cause));
        setError(failure);
        setState('error');
        refreshDirty();
        callbacks.current.onFailed?.(failure);
        return false;
      },
    );
    inFlight.current = { patch, done };
    return done;
  }, [sectionId, refreshDirty]);

  /** Records a change and saves it once typing pauses. */
  const change = useCallback(
    (patch: Patch) => {
      pending.current = mergePatch(pending.current, patch);
      refreshDirty();
      setState((current) => (current === 'saving' || current === 'error' ? current : 'pending'));
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void flush();
      }, delay);
    },
    [delay, flush, refreshDirty],
  );

  // Leaving the page saves what is left; closing the tab with unsaved changes asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!isEmptyPatch(pending.current) || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (!isEmptyPatch(pending.current)) void flush();
    };
  }, [flush]);

  const hasUnsaved = state === 'pending' || state === 'saving' || state === 'error';
  return { state, error, dirtyGroups, change, flush, hasUnsaved };
}
