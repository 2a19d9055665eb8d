/**
 * Grading and stepping speed on the built-in pack: (1) each lesson's grading run (the lesson's
 * scenario on its reference design, checks evaluated), median of a few; (2) "Step one event"
 * late in a long run: a stepping session at 55 s of a 60 s run of lesson 1, the first answer
 * (the session runs from zero to 55 s) and then each Step asking the live session for the next
 * event. Prints figures; asserts nothing.
 */
import path from 'node:path';
import { StepSession } from '../src/main/host/simEvents';
import { gradeLesson } from '../src/main/grading/grade';
import { simEngine } from '../src/main/grading/simEngine';
import { loadPackFolder } from '../src/main/packs/folder';

const PACK = path.resolve(process.cwd(), 'lessons/stateless-vs-stateful');
const REPEATS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** CPU time of `f` in ms (user + system): steadier than wall time on a shared machine. */
function timeMs(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export async function runGradingBench(): Promise<void> {
  const pack = await loadPackFolder(PACK);
  const perLesson: number[] = [];
  for (const { lesson, reference, starter } of pack.lessons) {
    const input = { packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph: reference ?? starter, starter };
    gradeLesson(input, simEngine);
    const times = Array.from({ length: REPEATS }, () => timeMs(() => gradeLesson(input, simEngine)));
    perLesson.push(median(times));
    console.log(`  ${lesson.id.padEnd(22)} grading run median CPU ${ms(median(times))} (${lesson.scenario.durationMs / 1000} s simulated)`);
  }
  const packMedian = median(perLesson);
  console.log(`  median over the pack's ${perLesson.length} lessons: ${ms(packMedian)} (target ≤ 50 ms: ${packMedian <= 50 ? 'met' : 'NOT met'}); slowest lesson ${ms(Math.max(...perLesson))}`);

  const first = pack.lessons[0]!;
  const scenario = { ...first.lesson.scenario, durationMs: 60_000 };
  const session = new StepSession(first.starter, scenario);
  let fromMs = 55_000;
  const start = timeMs(() => {
    fromMs = session.events(fromMs, 1).events[0]!.atMs;
  });
  const presses: number[] = [];
  for (let i = 0; i < 20; i++) {
    presses.push(
      timeMs(() => {
        const e = session.events(fromMs, 1).events[0];
        if (e) fromMs = e.atMs;
      }),
    );
  }
  console.log(`\n  Step at 55 s of a 60 s run of "${first.lesson.id}": first press ${ms(start)} (the session runs 0 → 55 s once)`);
  console.log(`  then 20 presses, each asking the live session for the next event: median ${ms(median(presses))}, max ${ms(Math.max(...presses))}`);
}
