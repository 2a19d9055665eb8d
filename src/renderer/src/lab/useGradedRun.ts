/**
 * Acting on the run a grade made ("Show me" a check's first violation; later, a failing request
 * of it). The lab's run is that run when its trace hash is the report's. Otherwise (no run yet,
 * faults injected, the design edited since) the graded design is run again from what the grade
 * returned (the design as grading held it, the scenario and seed) and shown in the lab, leaving
 * the student's canvas as it is; the lab says in one line that this is the graded design.
 */
import { useCallback, useEffect, useState } from 'react';
import type { GradedRun, GradeReport } from '../../../shared/gradeReport';
import type { Lab } from './useLab';

export function useGradedRun(lab: Lab, report: GradeReport | undefined, graded: GradedRun | undefined) {
  const [pending, setPending] = useState<{ act: (lab: Lab) => void; staleRun: unknown }>();

  /** Runs `act` on the lab once it shows the graded run (at once when it already does). */
  const inGradedRun = useCallback(
    (act: (lab: Lab) => void) => {
      const isShown = lab.run !== undefined && (report === undefined || lab.run.traceHash === report.traceHash);
      if (isShown) return act(lab);
      setPending({ act, staleRun: lab.run });
      // A report without its run (from an older host): the lesson's scenario on the current design.
      void (graded ? lab.showRun(graded) : lab.runWithoutInjected());
    },
    [lab, report, graded],
  );

  useEffect(() => {
    if (pending === undefined || !lab.run || lab.run === pending.staleRun) return;
    pending.act(lab);
    setPending(undefined);
  }, [pending, lab]);

  /** "Show me": the graded run, paused where the check first failed. */
  const showMe = useCallback(
    (atMs: number) =>
      inGradedRun((l) => {
        l.pause();
        l.seek(atMs);
      }),
    [inGradedRun],
  );

  return { inGradedRun, showMe };
}
