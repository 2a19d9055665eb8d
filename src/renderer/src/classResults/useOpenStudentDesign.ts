/**
 * Opens a student's design from the class results in the lab: the lesson it answers, the student's
 * graph on the canvas, a run under the lesson's scenario, paused at the first violation. The run
 * starts only once the canvas holds the student's graph (the render after adopting it).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Graph } from '../../../shared/graph';
import type { StudentDesign } from './StudentDetail';

interface Lab {
  run: unknown;
  runFromStart(): Promise<void>;
  pause(): void;
  seek(ms: number): void;
}

type Pending = { atMs?: number; stage: 'adopted' } | { atMs?: number; stage: 'running' | 'ran'; before: unknown };

export function useOpenStudentDesign(openLesson: (packId: string, lessonId: string) => Promise<boolean>, adopt: (graph: Graph, design: StudentDesign) => void, lab: Lab) {
  const [pending, setPending] = useState<Pending>();

  const open = useCallback(
    async (design: StudentDesign) => {
      if (!(await openLesson(design.packId, design.lessonId))) return;
      adopt(design.graph, design);
      setPending({ stage: 'adopted', ...(design.atMs !== undefined ? { atMs: design.atMs } : {}) });
    },
    [openLesson, adopt],
  );

  useEffect(() => {
    if (pending?.stage === 'adopted') {
      setPending({ ...pending, stage: 'running', before: lab.run });
      void lab.runFromStart().then(() => setPending((p) => (p?.stage === 'running' ? { ...p, stage: 'ran' } : p)));
    } else if (pending?.stage === 'ran') {
      // A run that did not start (a refused field, another run going) leaves the old run: nothing to seek.
      if (lab.run && lab.run !== pending.before) {
        lab.pause();
        if (pending.atMs !== undefined) lab.seek(pending.atMs);
      }
      setPending(undefined);
    }
  }, [pending, lab]);

  return open;
}
