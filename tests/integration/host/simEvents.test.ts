import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StepSession, collectSimEvents } from '../../../src/main/host/simEvents';
import { createHost } from '../../../src/main/host/services';
import { liveWorkerCount } from '../../../src/main/workers/pool';
import { simulate, type TraceRecord } from '../../../src/main/sim';
import type { LessonView, SimEventsResult } from '../../../src/shared/ipc';
import { stepText } from '../../../src/shared/i18n/stepTexts';

const PACK_DIR = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');
const ctx = { emit: () => {} };

async function lessonOne() {
  const host = createHost({ host: 'web', builtinPackDirs: [PACK_DIR], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-data-')) });
  const opened = (await host.dispatch('lessons:open', { packId: 'stateless-vs-stateful', lessonId: 'any-instance' }, ctx)) as { value: LessonView };
  // A crash of api-1 at 4 s, so a fault is among the events.
  const scenario = { ...opened.value.scenario, faults: [{ id: 'c', atMs: 4000, action: 'crash' as const, target: 'api-1' }] };
  return { host, graph: opened.value.starter, scenario };
}

describe('sim:events through the host', () => {
  it('returns the next simulator events after a moment, in (time, seq) order, the same each time and as a full traced run has them', async () => {
    const { host, graph, scenario } = await lessonOne();
    const fromMs = 3999.5;
    const first = await host.dispatch('sim:events', { graph, scenario, fromMs, count: 50 }, ctx);
    expect(first.ok).toBe(true);
    const { events, isEnd } = (first as { value: SimEventsResult }).value;
    expect(events).toHaveLength(50);
    expect(isEnd).toBe(false);
    for (const [i, e] of events.entries()) {
      expect(e.atMs).toBeGreaterThan(fromMs);
      expect(e.atMs).toBe(e.atUs / 1000);
      expect(e.description.length).toBeGreaterThan(0);
      if (i > 0) {
        const prev = events[i - 1]!;
        expect(e.atUs > prev.atUs || (e.atUs === prev.atUs && e.seq > prev.seq)).toBe(true);
      }
    }
    // The crash at 4 s is one of them, described by its action and target.
    expect(events.find((e) => e.type === 'fault')).toMatchObject({ atMs: 4000, node: null, description: 'fault: crash api-1' });
    expect(events.some((e) => e.description === 'request delivered to lb')).toBe(true);

    // Deterministic: another worker gives exactly the same events.
    const again = await host.dispatch('sim:events', { graph, scenario, fromMs, count: 50 }, ctx);
    expect((again as { value: SimEventsResult }).value.events).toEqual(events);

    // A full traced run agrees on what comes first after fromMs (and on the whole batch).
    const trace: TraceRecord[] = [];
    simulate(graph, scenario, { trace: (e) => trace.push(e) });
    const after = trace.filter((e) => e.timeUs > fromMs * 1000).sort((a, b) => a.timeUs - b.timeUs || a.seq - b.seq);
    expect({ atUs: events[0]!.atUs, seq: events[0]!.seq, type: events[0]!.type, node: events[0]!.node }).toEqual({
      atUs: after[0]!.timeUs,
      seq: after[0]!.seq,
      type: after[0]!.type,
      node: after[0]!.node ?? null,
    });
    expect(events.map((e) => `${e.atUs}/${e.seq}`)).toEqual(after.slice(0, 50).map((e) => `${e.timeUs}/${e.seq}`));
    host.dispose();
  });

  it('stops early late in a long run, says when the run ends first, and refuses out-of-bounds requests', async () => {
    const { host, graph, scenario } = await lessonOne();
    const long = { ...scenario, durationMs: 60_000 };
    const started = performance.now();
    const late = await host.dispatch('sim:events', { graph, scenario: long, fromMs: 55_000, count: 200 }, ctx);
    const tookMs = performance.now() - started;
    const lateEvents = (late as { value: SimEventsResult }).value.events;
    expect(lateEvents).toHaveLength(200);
    expect(lateEvents[0]!.atMs).toBeGreaterThan(55_000);
    // Two hundred events of this lesson span well under a second: the re-run stopped there.
    expect(lateEvents[199]!.atMs).toBeLessThan(56_000);
    expect(tookMs).toBeLessThan(20_000);

    const end = await host.dispatch('sim:events', { graph, scenario, fromMs: scenario.durationMs - 1, count: 200 }, ctx);
    const tail = (end as { value: SimEventsResult }).value;
    expect(tail.isEnd).toBe(true);
    expect(tail.events.length).toBeLessThan(200);
    expect(tail.events.every((e) => e.atMs > scenario.durationMs - 1 && e.atMs < scenario.durationMs)).toBe(true);

    for (const count of [0, 201, 1.5]) {
      await expect(host.dispatch('sim:events', { graph, scenario, fromMs: 0, count }, ctx)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    await expect(host.dispatch('sim:events', { graph, scenario, fromMs: -1, count: 1 }, ctx)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    host.dispose();
  });

  it('a stepping session walks forward from where it stopped: batch after batch equals a full traced run, a step back starts over, timers say what they are for', async () => {
    const { host, graph, scenario } = await lessonOne();
    host.dispose();
    const trace: TraceRecord[] = [];
    simulate(graph, scenario, { trace: (e) => trace.push(e) });
    trace.sort((a, b) => a.timeUs - b.timeUs || a.seq - b.seq);
    const expected = (fromUs: number, count: number) => trace.filter((e) => e.timeUs > fromUs).slice(0, count).map((e) => `${e.timeUs}/${e.seq}/${e.type}/${e.node ?? ''}`);
    const got = (r: SimEventsResult) => r.events.map((e) => `${e.atUs}/${e.seq}/${e.type}/${e.node ?? ''}`);

    const session = new StepSession(graph, scenario);
    // As the lab asks: from the cursor, then from 1 µs before the last event it stepped to.
    let fromMs = 3990;
    for (let i = 0; i < 15; i++) {
      const answer = session.events(fromMs, 7);
      expect(got(answer)).toEqual(expected(Math.floor(fromMs * 1000), 7));
      fromMs = (answer.events[answer.events.length - 1]!.atUs - 1) / 1000;
    }
    expect(session.nowUs).toBeLessThan(4100 * 1000);
    // Back to before what the session holds: it starts over and still agrees.
    expect(got(session.events(1000, 20))).toEqual(expected(1_000_000, 20));
    // Forward past a gap: untraced up to the moment, then traced.
    expect(got(session.events(7000.25, 20))).toEqual(expected(7_000_250, 20));

    // Timer events name their purpose from the node's timer table; the crash names its fault.
    const described = collectSimEvents(graph, scenario, 3999, 200).events;
    expect(described.some((e) => e.type === 'timer' && /^timer at users \(next request\)$/.test(e.description))).toBe(true);
    expect(described.find((e) => e.type === 'fault')?.description).toBe('fault: crash api-1');
  });

  it('keeps one worker per caller across Steps and releases it when the caller goes away', async () => {
    const { host, graph, scenario } = await lessonOne();
    const gone = new AbortController();
    const caller = { emit: () => {}, signal: gone.signal };
    const before = liveWorkerCount();
    let fromMs = 2000;
    for (let i = 0; i < 5; i++) {
      const answer = await host.dispatch('sim:events', { graph, scenario, fromMs, count: 10 }, caller);
      const events = (answer as { value: SimEventsResult }).value.events;
      expect(events[0]!.atMs).toBeGreaterThan(fromMs);
      fromMs = events[9]!.atMs;
      expect(liveWorkerCount()).toBe(before + 1);
    }
    // Another run (a different scenario) replaces the session rather than adding one.
    await host.dispatch('sim:events', { graph, scenario: { ...scenario, seed: scenario.seed + 1 }, fromMs: 0, count: 5 }, caller);
    await expect.poll(() => liveWorkerCount()).toBe(before + 1);
    gone.abort();
    await expect.poll(() => liveWorkerCount()).toBe(before);
    host.dispose();
  });
});

describe('Step’s words for every kind of simulator event', () => {
  it('health probes and background pauses are said in words in both languages, never as the engine’s event name', async () => {
    const host = createHost({ host: 'web', builtinPackDirs: [PACK_DIR], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-data-')) });
    const opened = (await host.dispatch('lessons:open', { packId: 'stateless-vs-stateful', lessonId: 'choosing' }, ctx)) as { value: LessonView };
    const graph = JSON.parse(readFileSync(path.join(PACK_DIR, 'graphs', '17-choosing.reference.json'), 'utf8')) as LessonView['starter'];
    // Lesson 17's reference probes its instances and its scenario pauses them now and then.
    const { events } = collectSimEvents(graph, opened.value.scenario, 0, 20_000);
    const types = new Set(events.map((e) => e.type));
    expect(types).toContain('health-probe');
    expect(types).toContain('noise');
    for (const e of events) {
      expect(e.text.key, `${e.type} at ${e.atMs} ms`).not.toBe('step.other');
      for (const locale of ['en', 'zh-CN'] as const) expect(stepText(e.text, locale)).not.toMatch(/health-probe|noise|undefined|\{\{/);
    }
    expect(stepText(events.find((e) => e.type === 'noise')!.text, 'zh-CN')).toMatch(/停顿/);
    expect(stepText(events.find((e) => e.type === 'health-probe')!.text, 'zh-CN')).toMatch(/健康探测/);
  });
});
