/**
 * Grading a lesson = simulate the lesson's scenario on the student's graph, then evaluate every
 * check over that run. Pure and deterministic: the same inputs give the same report.
 */
import { checkTitleOf, type Check, type LocalizedText } from '../../shared/checks';
import { faultTargetIssues } from '../../shared/faults';
import type { CheckResult, GradedRun, GradeReport } from '../../shared/gradeReport';
import type { Graph } from '../../shared/graph';
import type { Lesson } from '../../shared/lesson';
import { METRICS, type MetricDef, type MetricUnit, type RunResult } from '../../shared/metrics';
import { ScenarioSchema, type ParsedScenario } from '../../shared/scenario';
import { APP_VERSION } from '../../shared/version';
import type { Scalar } from './compare';
import { boundText, boundValue, formatCheckValue } from '../../shared/i18n/checkValue';
import type { SimEngine } from './engine';
import { evaluateMetric } from './metricCheck';
import { evaluatePrediction } from './predictions';
import { evaluateQuiz } from './quiz';
import { holdFrame, usersView } from './frame';
import { englishGrade, GRADE_TEXTS, gradeMessage, gradeText, type GradeMessage } from '../../shared/i18n/gradeTexts';
import { evaluateStructure } from './structure';
import { faultTimings } from './window';
import { reachedFromUsers, starvedFaultTargets, unreachedFaultTargets } from './faultReach';

export interface GradeInput {
  /** The pack the lesson came from. */
  packId: string;
  /** That pack's own version. */
  packVersion: string;
  lesson: Lesson;
  /** The student's design. */
  graph: Graph;
  /** Quiz answers: check id → choice id. */
  answers?: Readonly<Record<string, string>>;
  /** The lesson's starter: when given, the design is held to the lesson's frame (frame.ts) before grading. */
  starter?: Graph;
  /**
   * false: skip the reach guards (faultReach.ts) and the budget rule (holdToBudget), so each check
   * is judged on its own. Only for `pack:validate --run`'s proof that a check gives nothing to a
   * design that serves nobody: with the users cut off, every fault is unreached and would hide a
   * check that lacks requireServed, as would a budget per request served (nothing served misses it).
   */
  reachGuard?: boolean;
}

/** What evaluateChecks needs beyond the input: the nodes the users' requests reach (faultReach.ts), when known. */
interface Reach {
  reached?: ReadonlySet<string>;
}

/**
 * A metric read at a node the users' requests never reach (a spare "router" beside the one that
 * does the work) measures a node that takes no part in the design: "few keys moved" holds for free.
 * Clients are the users themselves; clones (`api-1~1`) go by their original's id.
 */
function unreachedNode(check: Check, graph: Graph, reached: ReadonlySet<string> | undefined): GradeMessage | undefined {
  if (check.type !== 'metric' || check.node === undefined || reached === undefined) return undefined;
  const node = graph.nodes.find((n) => n.id === check.node!.split('~')[0]);
  if (node === undefined || node.kind === 'client' || reached.has(node.id)) return undefined;
  return gradeMessage('check.nodeUnreached', { node: node.id, name: node.label || node.id });
}

/** Chinese words join without a space: "要求 {bound}" reads "要求低于 1%", as the bound now starts with a word. */
const fillBound = (text: string, words: string): string => text.replace(/ ?\{bound\}/g, (match) => (/^\p{Script=Han}/u.test(words) ? words : match.replace('{bound}', words)));

/**
 * Fills {measured} and {bound} in every locale of a feedback text, each in that locale's words with
 * the check results' own formatter (checkValue.ts): "5.5%" as the measured line reads, "at most
 * 3,000 ms" / "至多 3,000毫秒" for the bound ("no data" in that locale's words when nothing was measured).
 */
export function fillFeedback(text: LocalizedText, measured: Scalar | null, bound: string | null, unit?: MetricUnit): LocalizedText {
  const out: LocalizedText = { en: '' };
  const noData: Readonly<Record<string, string>> = GRADE_TEXTS['value.noData'];
  for (const [locale, template] of Object.entries(text)) {
    const value = measured === null ? (noData[locale] ?? noData.en!) : formatCheckValue(measured, unit, locale, boundValue(bound, unit));
    out[locale] = fillBound(template.replaceAll('{measured}', value), bound === null ? '' : boundText(bound, unit, locale));
  }
  return out;
}

/** A sentence end: ". " and the like in English, "。" and the like in Chinese (no space after it). */
const SENTENCE_END = /(?<=[.!?])\s+|(?<=[。！？])/u;

/**
 * A metric that measured nothing (no recovery finished, no request served...) has no number to put
 * in the lesson's feedback ("…took no data"): the feedback says what did not happen instead, then
 * the lesson's own sentences that do not name the missing number (what it teaches about it); with
 * none left, where to look. In each locale the lesson's feedback has; undefined when something was
 * measured.
 */
export function unmeasuredFeedback(text: LocalizedText, measured: Scalar | null, bound: string | null, reason: GradeMessage | undefined, unit?: MetricUnit): LocalizedText | undefined {
  if (measured !== null || reason === undefined || !reason.key.startsWith('unmeasured.')) return undefined;
  const pointer = gradeMessage('feedback.unmeasuredLook');
  const inLocale = (locale: string): string => {
    const words = bound === null ? '' : boundText(bound, unit, locale);
    const message = gradeMessage(bound === null ? 'feedback.unmeasured' : 'feedback.unmeasuredBound', bound === null ? { reason } : { reason, bound: words });
    const rest = (text[locale] ?? text.en)
      .split(SENTENCE_END)
      .filter((sentence) => sentence.trim() !== '' && !sentence.includes('{measured}'))
      .map((sentence) => fillBound(sentence, words));
    const separator = locale.startsWith('zh') ? '' : ' ';
    return [gradeText(message, locale), ...(rest.length > 0 ? rest : [gradeText(pointer, locale)])].join(separator);
  };
  const out: LocalizedText = { en: inLocale('en') };
  for (const locale of Object.keys(text)) out[locale] = inLocale(locale);
  return out;
}

function evaluateOne(check: Check, graph: Graph, run: RunResult, engine: SimEngine, scenario: ParsedScenario, answers: Readonly<Record<string, string>>, reached?: ReadonlySet<string>): CheckResult {
  const faults = faultTimings(scenario);
  let passed: boolean;
  let measured: Scalar | null;
  let bound: string | null = null;
  let unit: MetricUnit | undefined;
  const extra: Partial<CheckResult> = {};
  let metricError: GradeMessage | undefined;
  if (check.type === 'metric') {
    const outcome = evaluateMetric(run, engine, check, faults);
    unit = METRICS[check.metric].unit;
    ({ passed, measured, bound } = outcome);
    extra.unit = unit;
    if (outcome.window) extra.window = outcome.window;
    if (outcome.firstViolationMs !== undefined) extra.firstViolationMs = outcome.firstViolationMs;
    if (outcome.error) extra.error = outcome.error;
    if (outcome.errorKey) extra.errorKeys = [outcome.errorKey];
    metricError = outcome.errorKey;
    const unreached = outcome.passed ? unreachedNode(check, graph, reached) : undefined;
    if (unreached) {
      passed = false;
      extra.error = englishGrade(unreached);
      extra.errorKeys = [unreached];
    }
  } else if (check.type === 'structure') {
    ({ passed, measured, bound } = evaluateStructure(graph, check));
  } else {
    const outcome = evaluateQuiz(run, engine, check, Object.prototype.hasOwnProperty.call(answers, check.id) ? answers[check.id] : undefined, faults);
    ({ passed, measured } = outcome);
    if (outcome.error) extra.error = outcome.error;
    if (outcome.errorKey) extra.errorKeys = [outcome.errorKey];
  }
  const result: CheckResult = {
    id: check.id,
    type: check.type,
    title: checkTitleOf(check),
    passed,
    points: passed ? check.points : 0,
    maxPoints: check.points,
    measured,
    bound,
    ...extra,
  };
  if (!passed && check.feedback) result.feedback = unmeasuredFeedback(check.feedback, measured, bound, metricError, unit) ?? fillFeedback(check.feedback, measured, bound, unit);
  if (!passed && check.hint) result.hint = check.hint;
  return result;
}

/**
 * "Every knob has a price", and capacity's is the cost: a lesson that holds the design to a budget
 * (a scored check of a 'price' metric: cost, cost per 1000 served) scores what capacity buys (a
 * check of a 'bought' metric: errors, latency, throughput, false alarms; METRICS[…].budget) only
 * within it. A design over the budget that meets such a check fails it, with the reason: without
 * this, every capacity knob at its maximum lost the budget's 1 point and bought several (a wrong
 * design of lesson 7 went from 5 to 8 of 9), so spending paid. With it, maximum capacity never
 * raises a design's score (tests/integration/lessons/capacityPrice.test.ts). Checks of what money
 * cannot buy (lost sessions or writes, conflicts, keys moved) keep their points: an oversized
 * design that keeps its users' state still earns them.
 */
export function holdToBudget(lesson: Lesson, checks: readonly CheckResult[]): CheckResult[] {
  const byId = new Map(lesson.checks.map((c) => [c.id, c]));
  const roleOf = (result: CheckResult) => {
    const check = byId.get(result.id);
    return check?.type === 'metric' && check.points > 0 ? (METRICS[check.metric] as MetricDef).budget : undefined;
  };
  if (!checks.some((c) => roleOf(c) === 'price' && !c.passed)) return [...checks];
  const reason = gradeMessage('check.overBudget');
  return checks.map((c) => (c.passed && roleOf(c) === 'bought' ? { ...c, passed: false, points: 0, error: englishGrade(reason), errorKeys: [reason] } : c));
}

/** Evaluates every check over a finished run (the run must come from the lesson's scenario). */
export function evaluateChecks(input: GradeInput & Reach, run: RunResult, engine: SimEngine): GradeReport {
  const scenario = ScenarioSchema.parse(input.lesson.scenario);
  const answers = input.answers ?? {};
  const evaluated = input.lesson.checks.map((check) => evaluateOne(check, input.graph, run, engine, scenario, answers, input.reached));
  const checks = input.reachGuard === false ? evaluated : holdToBudget(input.lesson, evaluated);
  const faults = faultTimings(scenario);
  const predictions = (input.lesson.predictions ?? []).map((p) =>
    evaluatePrediction(p, Object.prototype.hasOwnProperty.call(answers, p.id) ? answers[p.id] : undefined, run, engine, faults),
  );
  const scored = [...checks, ...predictions];
  return {
    packId: input.packId,
    packVersion: input.packVersion,
    lessonId: input.lesson.id,
    appVersion: APP_VERSION,
    seed: run.seed,
    traceHash: run.traceHash,
    score: scored.reduce((sum, c) => sum + c.points, 0),
    maxScore: scored.reduce((sum, c) => sum + c.maxPoints, 0),
    checks,
    ...(predictions.length > 0 ? { predictions } : {}),
  };
}

/**
 * Runs the lesson's scenario on the student's graph, held to the lesson's frame (locked nodes, palette,
 * traffic: frame.ts), and grades it; metrics about users read the lesson's own clients only.
 */
export function gradeLesson(input: GradeInput, engine: SimEngine): { report: GradeReport; run: RunResult; graded: GradedRun } {
  const { graph, notes, noteKeys, users } = input.starter ? holdFrame(input.graph, input.starter, input.lesson) : { graph: input.graph, notes: [], noteKeys: [], users: undefined };
  const withNotes = <R extends GradeReport>(report: R): R => (notes.length > 0 ? { ...report, notes, noteKeys } : report);
  const missing = missingFaultTargets(graph, input.lesson.scenario);
  // A fault the users' traffic never meets (its target kept aside while other nodes do the work) passes nothing: faultReach.ts.
  // A design whose users reach nothing (an empty canvas) serves nobody: its checks already say so ("no request was served").
  const reachedAll = reachedFromUsers(graph, users);
  const isGuarded = input.reachGuard !== false && graph.nodes.some((n) => n.kind !== 'client' && reachedAll.has(n.id));
  const unreached = isGuarded ? unreachedFaultTargets(graph, input.lesson.scenario, users) : [];
  const reached = isGuarded ? reachedAll : undefined;
  // A fault whose target the design no longer has cannot happen (the simulator refuses it): run
  // without it so the structural checks still speak; every run-based check then fails with the reason.
  const scenario = missing.length > 0 ? { ...input.lesson.scenario, faults: (input.lesson.scenario.faults ?? []).filter((f) => !missing.some((m) => m.fault === f)) } : input.lesson.scenario;
  const run = engine.simulate(graph, scenario);
  // A target its balancers barely sent anything before the fault meets it no more than an unreached one (faultReach.ts), read from this run.
  const starved = reached === undefined ? [] : starvedFaultTargets(graph, scenario, run, reached).filter((s) => !unreached.some((u) => u.fault === s.fault));
  if (missing.length > 0 || unreached.length > 0 || starved.length > 0) {
    // Named as the starter's canvas showed it: a student sees names, and cannot type an id back.
    const nameOf = (id: string) => input.starter?.nodes.find((n) => n.id === id)?.label ?? id;
    // A node the starter has was deleted (undo brings it back); one it lacks is the student's to add
    // (the reference has it): "Undo its deletion or press Start over" would send them back for nothing.
    const isDeleted = (id: string) => input.starter === undefined || input.starter.nodes.some((n) => n.id === id);
    const errorKeys = [
      ...missing.map(({ fault, node }) => gradeMessage(isDeleted(node) ? 'check.missingFaultTarget' : 'check.faultTargetToAdd', { action: fault.action, node, name: nameOf(node), seconds: fault.atMs / 1000 })),
      ...unreached.map(({ fault, node, kind }) =>
        kind === undefined
          ? gradeMessage('check.faultTargetUnreached', { action: fault.action, node, name: nameOf(node), seconds: fault.atMs / 1000 })
          : gradeMessage('check.faultKindUnreached', { action: fault.action, kind, seconds: fault.atMs / 1000 }),
      ),
      ...starved.map(({ fault, node, ratio, busiest }) =>
        gradeMessage('check.faultTargetStarved', {
          action: fault.action,
          node,
          name: nameOf(node),
          seconds: fault.atMs / 1000,
          percent: percentOf(ratio),
          peer: busiest,
          peerName: nameOf(busiest),
        }),
      ),
    ];
    const reason = errorKeys.map(englishGrade).join(' ');
    const report = evaluateChecks({ ...input, graph, lesson: { ...input.lesson, scenario }, reached }, usersView(run, users), engine);
    // A quiz with a fixed right answer does not depend on the run: its answer keeps its points.
    const fixedQuizzes = new Set(input.lesson.checks.flatMap((c) => (c.type === 'quiz' && typeof c.answer === 'string' ? [c.id] : [])));
    const checks = report.checks.map((c) => (c.type === 'structure' || fixedQuizzes.has(c.id) ? c : { ...c, passed: false, points: 0, error: reason, errorKeys }));
    const failed = { ...report, checks, score: [...checks, ...(report.predictions ?? [])].reduce((sum, c) => sum + c.points, 0) };
    return { report: withNotes(failed), run, graded: { graph, scenario } };
  }
  const report = evaluateChecks({ ...input, graph, reached }, usersView(run, users), engine);
  return { report: withNotes(report), run, graded: { graph, scenario } };
}

/** A ratio as a percentage for a sentence: 1.5, 0.1, 25 (one decimal under 10, whole above). */
const percentOf = (ratio: number): number => (ratio * 100 < 10 ? Math.round(ratio * 1000) / 10 : Math.round(ratio * 100));

type ScheduledFault = NonNullable<Lesson['scenario']['faults']>[number];

/** The check errors gradeLesson gives when the lesson's scenario could not meet the design (a fault's target deleted, to add, kept away from the users or starved of their requests). */
export const SCENARIO_MISS_KEYS: ReadonlySet<string> = new Set(['check.missingFaultTarget', 'check.faultTargetToAdd', 'check.faultTargetUnreached', 'check.faultKindUnreached', 'check.faultTargetStarved'] satisfies GradeMessage['key'][]);

/**
 * Scheduled faults naming a node the design does not have, as target or in a partition group: the
 * simulator refuses such a scenario. The check itself is shared/faults.ts's faultTargetIssues.
 */
export function missingFaultTargets(graph: Graph, scenario: Lesson['scenario']): { fault: ScheduledFault; node: string }[] {
  return (scenario.faults ?? []).flatMap((fault) => {
    const missing = faultTargetIssues(fault, graph).find((issue) => issue.kind === 'missing');
    return missing ? [{ fault, node: missing.id }] : [];
  });
}
