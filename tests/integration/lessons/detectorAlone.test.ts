// One detector knob turned to its quickest on its own (the rest of the lesson's reference as it is)
// must cost something in every lesson that charges for false suspicions: the scenario's background
// pauses are GC-like hiccups, and a detector quick enough to take a node out during one has misfired
// however long the hiccup lasted (src/main/sim/detect.ts). Before this rule a 10 ms probe interval
// with the threshold still at 2 passed such lessons: a 60 ms pause is longer than its 20 ms bound,
// so the suspicion did not count as false.
// The same holds for the failure threshold at 1 with the interval unchanged. A GC-like pause must
// outlast the probe timeout (300–500 ms in these lessons) to fail even one probe, so the threshold
// alone used to cost nothing; what fails one probe of a healthy target in real networks is a lost
// packet. Each probe opens a new connection, and these lessons' noise loses an opening now and
// then (`handshakeLoss`: TCP sends it again after 1 s, past the probe's timeout), so one failure
// is no evidence of death: a threshold of 1 takes a healthy instance out, 2 rides it out.
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../src/shared/graph';
import { editableKnobs, setKnob } from '../../../src/shared/knobs';
import { explain, grade, lessonRows } from './gradeBuiltIn';

const SEEDS = [1, 4, 7] as const;
/** The probe interval at its quickest, alone; the failure threshold at its lowest (one failed probe), alone. */
const QUICKEST = ['healthCheck.intervalMs', 'healthCheck.unhealthyAfter'] as const;
/** Lessons where a quick prober or a threshold of 1 alone is fine for the lesson's point, and why. */
const ALLOWED: Record<string, string> = {
  'scaling-out':
    'it counts false suspicions before the spike only, under mild noise (40 ms pauses, four a minute, no lost connection openings); lessons 1, 2, 4 and the capstone charge the quick prober and the threshold of 1',
  locality: 'its scenario has no pauses (link tails only); its false-suspicion check watches the owners\' leases, not the balancer',
};

const charging = lessonRows.filter(([id, l]) => !(id in ALLOWED) && l.reference !== undefined && l.lesson.scenario.noise !== undefined && l.lesson.checks.some((c) => c.type === 'metric' && c.metric === 'falseSuspicions' && c.points > 0));

describe.each(charging)('%s: one load-balancer detector knob at its quickest', (_id, entry) => {
  const knobs = editableKnobs(entry.lesson, entry.reference!).filter(({ knob }) => knob.kind === 'load-balancer' && (QUICKEST as readonly string[]).includes(knob.path));
  it('has both knobs to turn', () => expect(knobs.map((k) => k.knob.path).sort()).toEqual([...QUICKEST].sort()));
  it.each(knobs.map((k) => [k.knob.path, k] as const))('%s fails a scored check on seeds 1, 4, 7', (_path, { knob, nodes }) => {
    if (knob.type !== 'number') throw new Error(`${knob.path} is not a number`);
    const design: Graph = { ...entry.reference!, nodes: entry.reference!.nodes.map((n) => (nodes.includes(n.id) ? setKnob(n, knob, knob.min) : n)) };
    for (const seed of SEEDS) {
      const report = grade(entry, design, seed);
      expect(report.checks.some((c) => !c.passed && c.maxPoints > 0), `seed ${seed}:\n${explain(report)}`).toBe(true);
    }
  });
});

it('covers the lessons that charge for false suspicions', () => {
  expect(charging.map(([id]) => id)).toEqual(['any-instance', 'remote-state', 'balancing', 'capstone']);
});
