import type { RunResult } from '../../../shared/metrics';
import type { RunView } from '../../../shared/run';

/**
 * The host answers sim:run with the simulator's whole RunResult (RunView is the part every
 * consumer needs); the lab bench plays back its per-bucket data. A run without buckets (an older
 * host) simply has no playback.
 */
export type LabRun = RunResult;

export function asLabRun(run: RunView | undefined): LabRun | undefined {
  const candidate = run as Partial<RunResult> | undefined;
  return candidate?.buckets && Array.isArray(candidate.nodes) && Array.isArray(candidate.faults) ? (candidate as LabRun) : undefined;
}
