import { useCallback, useState } from 'react';
import type { Numbers } from './types';

/** How results read: S/U at the threshold, the pass rate, or both (DOMAIN §3.3). */
export type DisplayMode = 'su' | 'percent' | 'both';
export const DISPLAY_MODES: readonly { value: DisplayMode; label: string }[] = [
  { value: 'su', label: 'S/U' },
  { value: 'percent', label: '%' },
  { value: 'both', label: 'Both' },
];
const DEFAULT_MODE: DisplayMode = 'both';

const isMode = (value: unknown): value is DisplayMode =>
  DISPLAY_MODES.some((mode) => mode.value === value);

/** The local storage key under which a program's display mode is remembered. */
export const displayModeKey = (programId: string) => `eduledger.plo.${programId}.display`;

export function readDisplayMode(programId: string): DisplayMode {
  try {
    const stored = window.localStorage.getItem(displayModeKey(programId));
    return isMode(stored) ? stored : DEFAULT_MODE;
  } catch {
    return DEFAULT_MODE;
  }
}

function writeDisplayMode(programId: string, mode: DisplayMode) {
  try {
    window.localStorage.setItem(displayModeKey(programId), mode);
  } catch {
    // Storage disabled (private mode): the choice lasts for this page only.
  }
}

/** The display mode of a program, remembered in this browser per program. */
export function useDisplayMode(programId: string) {
  const [modes, setModes] = useState<Record<string, DisplayMode>>({});
  const mode = modes[programId] ?? readDisplayMode(programId);
  const setMode = useCallback(
    (next: DisplayMode) => {
      writeDisplayMode(programId, next);
      setModes((current) => ({ ...current, [programId]: next }));
    },
    [programId],
  );
  return [mode, setMode] as const;
}

/** A rate (0–100) as "83.3%"; `—` when there is none (no data is never 0 %). */
export const formatPercent = (rate: number | null) =>
  rate === null ? '—' : `${String(Math.round(rate * 10) / 10)}%`;

/** A result in the chosen mode: "S", "83.3%", or "S · 83.3%"; `—` without data. */
export function formatResult(numbers: Pick<Numbers, 'rate' | 'result'>, mode: DisplayMode) {
  if (numbers.rate === null || numbers.result === null) return '—';
  if (mode === 'su') return numbers.result;
  if (mode === 'percent') return formatPercent(numbers.rate);
  return `${numbers.result} · ${formatPercent(numbers.rate)}`;
}

/** A count, or `—` when there is none. */
export const formatCount = (value: number | null) => (value === null ? '—' : String(value));
