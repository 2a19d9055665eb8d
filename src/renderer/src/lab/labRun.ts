import type { RunResult } from '../../../shared/metrics';

/**
 * The host answers sim:run with the simulator's whole RunResult; the lab bench plays back its
 * per-bucket data. A run without buckets (a cancelled or malformed answer) has no playback.
 */
export type LabRun = RunResult;

export function asLabRun(run: RunResult | undefined): LabRun | undefined {
  const candidate = run as Partial<RunResult> | undefined;
  return candidate?.buckets && Array.isArray(candidate.nodes) && Array.isArray(candidate.faults) ? (candidate as LabRun) : undefined;
}
