import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_LOCALES, RESOURCES } from '../../../src/renderer/src/i18n/resources';
import { CoordinatorPropsSchema, DatabasePropsSchema } from '../../../src/shared/nodeProps';

const LESSONS = path.join(__dirname, '../../../lessons/stateless-vs-stateful/lessons');

/** Bold terms the lessons use for course concepts, not for something on screen (checked by the glossary, not here). */
const CONCEPTS = new Set(['API', 'stateful owners', 'owners', 'partition router', 'primary', 'lease', 'sticky', '有状态所有者', '所有者', '分区路由器', '租约', '粘性']);

/** Every string a locale's UI shows, as a student reads it (no ellipsis, no ▶ glyph, case-free). */
function uiLabels(tree: object, into = new Set<string>()): Set<string> {
  for (const value of Object.values(tree)) {
    if (typeof value === 'string') into.add(value.replace(/…$/, '').trim().toLowerCase());
    else uiLabels(value as object, into);
  }
  return into;
}

/** The bold terms of every text of a lesson in `locale`. */
function boldTerms(value: unknown, locale: string, inLocale = false, into: string[] = []): string[] {
  if (typeof value === 'string') {
    if (inLocale) for (const m of value.matchAll(/\*\*([^*]+)\*\*/g)) into.push(m[1]!.trim());
  } else if (Array.isArray(value)) value.forEach((v) => boldTerms(v, locale, inLocale, into));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) boldTerms(v, locale, inLocale || k === locale, into);
  return into;
}

describe('the lessons name the UI by its labels', () => {
  for (const locale of APP_LOCALES) {
    it(`every UI term a lesson names in bold is a label of the ${locale} UI (点击**运行** is the Run button)`, () => {
      const labels = uiLabels(RESOURCES[locale]);
      const missing: string[] = [];
      let named = 0;
      for (const file of readdirSync(LESSONS).filter((f) => f.endsWith('.json'))) {
        for (const term of boldTerms(JSON.parse(readFileSync(path.join(LESSONS, file), 'utf8')), locale)) {
          if (CONCEPTS.has(term)) continue;
          named++;
          const t = term.toLowerCase();
          if (!labels.has(t) && !labels.has(t.replace(/s$/, ''))) missing.push(`${file}: ${term}`);
        }
      }
      expect(named).toBeGreaterThan(0);
      expect(missing).toEqual([]);
    });
  }
});

describe('lesson 7 (scaling out) sends a student whose p99 fails to charts the bench shows', () => {
  // A session-store design (lesson 4's answer) absorbs the spike's errors but not its p99: the hint
  // used to say "compare the queues of the old and the new API instances", which no chart shows
  // (the new instances are not on the canvas and the queue chart is one total).
  const lesson = JSON.parse(readFileSync(path.join(LESSONS, '05-scaling-out.lesson.json'), 'utf8'));
  const hint = lesson.checks.find((c: { id: string }) => c.id === 'spike-p99').hint;
  it.each(APP_LOCALES)('%s: names the per-node chart and the remote-calls chart by their titles', (locale) => {
    const lab = RESOURCES[locale].lab as { chartTitles: Record<string, string> };
    const domain = RESOURCES[locale].domain as { metrics: Record<string, { name: string }> };
    const perNode = lab.chartTitles.requestsPerNode!;
    const remoteCalls = locale === 'en' ? 'Remote calls per request' : domain.metrics.remoteCallsPerRequest!.name;
    expect(hint[locale]).toContain(`*${perNode}*`);
    expect(hint[locale]).toContain(`*${remoteCalls}*`);
    expect(hint[locale]).not.toMatch(/queues of the old|队列长度/);
  });
});

describe('lesson 14 (rooms) says how to draw the replication connection it asks for', () => {
  // The step asked for "a room server fed by a replication connection on the canvas", and no lesson
  // said that the toolbar's Connect as picks the kind of the connections a student draws.
  const lesson = JSON.parse(readFileSync(path.join(LESSONS, '10-rooms.lesson.json'), 'utf8'));
  it.each(APP_LOCALES)('%s: names Connect as and its replication choice by their labels', (locale) => {
    const editor = RESOURCES[locale].editor as { connectAs: string };
    const domain = RESOURCES[locale].domain as { edgeKinds: { replication: string } };
    const step = lesson.steps.map((s: Record<string, string>) => s[locale]).join('\n');
    expect(step).toContain(`**${editor.connectAs}**`);
    expect(step).toContain(`**${domain.edgeKinds.replication}**`);
  });
});

describe('lesson 11 (split brain) sends the student to the setting that fences', () => {
  // The hint asked "what could the database do with that number?", and the database has no such
  // setting: fencing is the coordinator's (Fencing, "checked on writes"). Students clicked the
  // database and found nothing to change.
  const lesson = JSON.parse(readFileSync(path.join(LESSONS, '09-split-brain.lesson.json'), 'utf8'));
  const hint = lesson.checks.find((c: { id: string }) => c.id === 'no-conflicting-writes').hint;
  it('the coordinator has the fencing setting, the database none', () => {
    expect(Object.keys(CoordinatorPropsSchema.shape)).toContain('fencing');
    expect(Object.keys(DatabasePropsSchema.shape).some((k) => /fenc|epoch/i.test(k))).toBe(false);
  });
  it.each(APP_LOCALES)("%s: the hint names the coordinator's settings", (locale) => {
    const coordinator = (RESOURCES[locale].domain as { kinds: { coordinator: { label: string } } }).kinds.coordinator.label;
    expect(hint[locale].toLowerCase()).toContain(coordinator.toLowerCase());
  });
});

describe('lesson 10 (locality) grades the latency of requests served, and names the box a student misses', () => {
  // Stateful services, a coordinator and partition-aware routing without "Owns partitions": every
  // request failed at once with no route, and the two p99 checks passed on those fast failures
  // (49 ms) while the structure feedback did not name the box. The p99 checks read the served p99.
  const lesson = JSON.parse(readFileSync(path.join(LESSONS, '08-locality.lesson.json'), 'utf8'));
  const check = (id: string) => lesson.checks.find((c: { id: string }) => c.id === id);
  it('the p99 checks read the served p99 and a wrong answer pins the case', () => {
    expect(check('p99-normal').metric).toBe('servedLatencyP99');
    expect(check('p99-slow-db').metric).toBe('servedLatencyP99');
    expect(lesson.wrongAnswers.find((w: { id: string }) => w.id === 'stateful-not-owning').fails).toEqual(expect.arrayContaining(['p99-normal', 'p99-slow-db']));
  });
  it.each(APP_LOCALES)("%s: the owner-routing feedback names the State and Owns partitions settings", (locale) => {
    const service = (RESOURCES[locale].domain as { props: { service: Record<string, { label: string }> } }).props.service;
    expect(check('owner-routing').feedback[locale]).toContain(`**${service.state!.label}**`);
    expect(check('owner-routing').feedback[locale]).toContain(`**${service.ownsPartitions!.label}**`);
  });
});
