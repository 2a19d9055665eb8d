/**
 * The check grammar (DESIGN.md §5). Checks are data, never code: a pack cannot run JavaScript,
 * only name metrics, windows, node kinds and bounds that grading (src/main/grading) evaluates.
 */
import { z } from 'zod';
import { NODE_KINDS } from './graph';
import { METRIC_NAMES, type MetricName } from './metrics';
import { ownIssue, ownText } from './i18n/packTexts';

/** Size bounds: generous for any lesson, small enough that a hostile pack cannot stall grading. */
export const CHECK_LIMITS = { checksMax: 100, anyOfMax: 20, choicesMax: 20, textChars: 20_000 } as const;

/** A text in several locales; English is required so there is always something to show. */
export const LocalizedTextSchema = z
  .object({ en: z.string().max(CHECK_LIMITS.textChars) })
  .catchall(z.string().max(CHECK_LIMITS.textChars));
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Comparison operators a bound can use. */
export const COMPARE_OPS = ['<', '<=', '==', '>=', '>', '!='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

const checkId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, ownText('own.id'));
const nodeRef = z.string().min(1).max(64);
const faultRef = z.string().min(1).max(64);

/**
 * A point in a run: `start`, `end`, or `fault:<id>` (when the named fault fires), each with an
 * optional offset such as `+5000` or `-2000` in milliseconds.
 */
export const TimeAnchorSchema = z
  .string()
  .max(100)
  .regex(/^(start|end|fault:.+?)([+-]\d{1,9})?$/, ownText('own.anchor'))
  .describe('"start", "end" or "fault:<fault id>", optionally with an offset in ms: "fault:crash+5000"');
export type TimeAnchor = z.infer<typeof TimeAnchorSchema>;

/** The part of a run a metric is read over. Absent: the whole run. */
export const WindowSchema = z.union(
  [
    z
      .object({
        /** Inclusive start of the window. */
        from: TimeAnchorSchema.default('start'),
        /** Exclusive end of the window. */
        to: TimeAnchorSchema.default('end'),
      })
      .strict(),
    z
      .object({
        /** From the start of the run until the named fault fires. */
        before: faultRef,
      })
      .strict(),
    z
      .object({
        /** While the named fault lasts: its durationMs, or until a heal/restart of its target, or the end. */
        during: faultRef,
      })
      .strict(),
    z
      .object({
        /** From when the named fault ends (see `during`) to the end of the run. */
        after: faultRef,
      })
      .strict(),
  ],
  { error: ownText('own.windowShape') },
);
export type CheckWindow = z.infer<typeof WindowSchema>;

/** "sessionLost" → "sessionsLost": the closest catalogue name, by edit distance, when it is close. */
function closestMetric(name: string): MetricName | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0] as number;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = row[j] as number;
        row[j] = next;
      }
    }
    return row[b.length] as number;
  };
  let best: { name: MetricName; d: number } | undefined;
  for (const candidate of METRIC_NAMES) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d <= 3 && (best === undefined || d < best.d)) best = { name: candidate, d };
  }
  return best?.name;
}

/** A metric name from the catalogue; an unknown one is refused with the closest name, if any. */
const MetricNameSchema = z.enum(METRIC_NAMES as [MetricName, ...MetricName[]], {
  error: (issue) => {
    if (typeof issue.input !== 'string') return ownText('own.metricName');
    const name = issue.input.slice(0, 100);
    const close = closestMetric(name);
    return close ? ownText('own.unknownMetricClose', { name, close }) : ownText('own.unknownMetric', { name });
  },
});

const scalar = z.union([z.string().max(200), z.number().finite(), z.boolean()]);

/** Selects nodes of the student's graph. Every given field must match. */
export const NodeMatchSchema = z
  .object({
    /** The node's kind. */
    kind: z.enum(NODE_KINDS).optional(),
    /** The node's id (for nodes the lesson locks, like "users"). */
    id: nodeRef.optional(),
    /** Property values the node must have; dotted keys reach nested props ("healthCheck.intervalMs"). Defaults apply. */
    props: z.record(z.string().max(100), scalar).optional(),
  })
  .strict();
export type NodeMatch = z.infer<typeof NodeMatchSchema>;

/** A condition on the graph's structure; `require` must hold, `forbid` must not. */
export type Predicate =
  | { node: NodeMatch }
  | { path: { from: NodeMatch; to: NodeMatch; via?: NodeMatch | undefined } }
  | { count: { node: NodeMatch; op: CompareOp; value: number } }
  | { prop: { node: NodeMatch; key: string; op: CompareOp; value: string | number | boolean } }
  | { anyOf: Predicate[] }
  | { allOf: Predicate[] }
  | { not: Predicate };

export const PredicateSchema: z.ZodType<Predicate> = z.lazy(() =>
  z.union(
    [
      z
        .object({
          /** Some node matches. */
          node: NodeMatchSchema,
        })
        .strict(),
      z
        .object({
          /** Requests can travel from a node matching `from` to one matching `to` (through one matching `via`, if given). */
          path: z.object({ from: NodeMatchSchema, to: NodeMatchSchema, via: NodeMatchSchema.optional() }).strict(),
        })
        .strict(),
      z
        .object({
          /** The number of matching nodes compared with a value. */
          count: z.object({ node: NodeMatchSchema, op: z.enum(COMPARE_OPS), value: z.number().int().min(0).max(100_000) }).strict(),
        })
        .strict(),
      z
        .object({
          /** Every matching node (at least one) has the property compared with a value; dotted keys reach nested props. */
          prop: z.object({ node: NodeMatchSchema, key: z.string().min(1).max(100), op: z.enum(COMPARE_OPS), value: scalar }).strict(),
        })
        .strict(),
      z
        .object({
          /** At least one holds. */
          anyOf: z.array(PredicateSchema).min(1).max(CHECK_LIMITS.anyOfMax),
        })
        .strict(),
      z
        .object({
          /** All hold. */
          allOf: z.array(PredicateSchema).min(1).max(CHECK_LIMITS.anyOfMax),
        })
        .strict(),
      z
        .object({
          /** Does not hold. */
          not: PredicateSchema,
        })
        .strict(),
    ],
    { error: ownText('own.predicateShape') },
  ),
);

/** Fields every check has. */
const common = {
  /** Stable id, unique in the lesson; grade reports and submissions refer to it. */
  id: checkId,
  /** What the check is about, shown in the results list; the id when absent. */
  title: LocalizedTextSchema.optional(),
  /** Points for passing. */
  points: z.number().int().min(0).max(1000).default(1).describe('Points for passing'),
  /** Shown when the check fails; `{measured}` and `{bound}` are filled from the grade. */
  feedback: LocalizedTextSchema.optional().describe('Shown when the check fails; {measured} and {bound} are filled in'),
  /** A nudge towards the fix, shown after a failure. */
  hint: LocalizedTextSchema.optional(),
};

export const MetricCheckSchema = z
  .object({
    ...common,
    /** A behavioural check: a metric over a window compared with a bound. */
    type: z.literal('metric').describe('Behavioural check: a metric over a window compared with a bound'),
    /** Which metric (the catalogue in src/shared/metrics.ts). */
    metric: MetricNameSchema.describe('Metric name from the catalogue (src/shared/metrics.ts)'),
    /** Read at this node only; the metric's default scope when absent. */
    node: nodeRef.optional(),
    /** The part of the run to read; the whole run when absent. */
    window: WindowSchema.optional(),
    /** How the measured value must compare with `value`. */
    op: z.enum(COMPARE_OPS).describe('measured <op> value must hold'),
    /** The bound, in the metric's unit. */
    value: z.number().finite().describe("The bound, in the metric's unit (fractions are 0..1, latencies in ms)"),
    /**
     * The check fails when the users' requests that succeeded in the window number zero, whatever
     * the metric reads: "no lost writes" or "p99 < 100 ms" says nothing about a design that serves
     * nobody (nothing is written; requests that fail at once are fast).
     */
    requireServed: z.boolean().optional().describe('Fail when no user request succeeded in the window: a design that serves nobody never passes'),
  })
  .strict();
export type MetricCheck = z.infer<typeof MetricCheckSchema>;

export const StructureCheckSchema = z
  .object({
    ...common,
    /** A structural check on the student's graph. */
    type: z.literal('structure').describe('Structural check on the student graph: require and/or forbid a predicate'),
    /** Must hold. */
    require: PredicateSchema.optional(),
    /** Must not hold. */
    forbid: PredicateSchema.optional(),
  })
  .strict()
  .refine((c) => c.require !== undefined || c.forbid !== undefined, ownIssue('own.requireOrForbid'));
export type StructureCheck = z.infer<typeof StructureCheckSchema>;

/** The right answer to a quiz: a fixed choice, or the choice (a node id) where a metric is highest or lowest. */
export const QuizAnswerSchema = z.union([
  z.string().min(1).max(64),
  z
    .object({
      /** The choice whose node has the highest value of this metric is right (e.g. the hot partition's owner). */
      highest: MetricNameSchema.optional(),
      /** The choice whose node has the lowest value of this metric is right. */
      lowest: MetricNameSchema.optional(),
      /** Window the metric is read over; the whole run when absent. */
      window: WindowSchema.optional(),
    })
    .strict()
    .refine((a) => (a.highest === undefined) !== (a.lowest === undefined), ownIssue('own.highestOrLowest')),
]);
export type QuizAnswer = z.infer<typeof QuizAnswerSchema>;

export const QuizCheckSchema = z
  .object({
    ...common,
    /** An observation question: the student picks one choice. */
    type: z.literal('quiz').describe('Observation question: the student picks one of the choices'),
    /** The question. */
    question: LocalizedTextSchema,
    /** The choices; for a metric-decided answer their ids are node ids. */
    choices: z
      .array(
        z
          .object({
            /** Stable id of the choice; the student's answer names it. */
            id: z.string().min(1).max(64),
            /** What the student reads. */
            text: LocalizedTextSchema,
          })
          .strict(),
      )
      .min(2)
      .max(CHECK_LIMITS.choicesMax),
    /** Which choice is right. */
    answer: QuizAnswerSchema,
  })
  .strict()
  .superRefine((quiz, ctx) => {
    const ids = quiz.choices.map((c) => c.id);
    ids.forEach((choice, i) => {
      if (ids.indexOf(choice) !== i) ctx.addIssue({ code: 'custom', path: ['choices', i, 'id'], ...ownIssue('own.duplicateChoice', { id: choice }) });
    });
    if (typeof quiz.answer === 'string' && !ids.includes(quiz.answer)) {
      ctx.addIssue({ code: 'custom', path: ['answer'], ...ownIssue('own.quizAnswer', { ids: ids.map((c) => `"${c}"`).join(', '), found: quiz.answer }) });
    }
  });
export type QuizCheck = z.infer<typeof QuizCheckSchema>;

export const CheckSchema = z.discriminatedUnion('type', [MetricCheckSchema, StructureCheckSchema, QuizCheckSchema]);
export type Check = z.infer<typeof CheckSchema>;
export type CheckType = Check['type'];
/** Every check family, read off CheckSchema (the grade report's `type` derives from it). */
export const CHECK_TYPES = CheckSchema.options.map((o) => o.shape.type.value) as [CheckType, ...CheckType[]];

/**
 * What a check is called wherever it is listed (the student's results, class results): its title,
 * else a quiz's own question (the author wrote it in every language), else its id.
 */
export const checkTitleOf = (check: Check): LocalizedText => check.title ?? (check.type === 'quiz' ? check.question : { en: check.id });
