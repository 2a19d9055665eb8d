/**
 * What grading says in a report: the frame's notes (what it put back before running) and why a
 * check could not be evaluated. The grader stores each as a key of this table with its parameters
 * (GradeReport.noteKeys, CheckResult.errorKeys) next to the English sentence (notes, error), so the
 * renderer shows it in the student's language while the CLI, the grades CSV and older app versions
 * keep the English. A number that changes the wording has `_one`/`_other` keys chosen by the
 * `count` parameter (i18next's plural suffixes and rules, through Intl.PluralRules).
 * tests/unit/i18n/resources.test.ts checks every zh-CN sentence is Chinese with the same placeholders.
 */
import { z } from 'zod';
import { fillMessage, isMessage, type Message, type MessageParam, type Template } from './messages';

export const GRADE_TEXTS = {
  // The lesson's frame (src/main/grading/frame.ts).
  'frame.lockedMissing': { en: 'Locked node "{{node}}" was missing; graded with the lesson\'s "{{node}}" restored.', 'zh-CN': '锁定节点“{{node}}”不见了；评分时恢复了课程的“{{node}}”。' },
  'frame.clientMissing': { en: 'The lesson\'s client "{{node}}" was missing; it was put back (without connections) before grading.', 'zh-CN': '课程的客户端“{{node}}”不见了；评分前已将它放回（不含连线）。' },
  'frame.lockedChanged': { en: 'Locked node "{{node}}" was changed; graded with the lesson\'s settings for it.', 'zh-CN': '锁定节点“{{node}}”被改动过；评分时使用了课程对它的设置。' },
  'frame.lockedProps_one': { en: 'Locked setting {{props}} of "{{node}}" was changed; graded with the lesson\'s value.', 'zh-CN': '“{{node}}”的锁定设置 {{props}} 被改动过；评分时使用了课程的值。' },
  'frame.lockedProps_other': { en: 'Locked settings {{props}} of "{{node}}" were changed; graded with the lesson\'s values.', 'zh-CN': '“{{node}}”的锁定设置 {{props}} 被改动过；评分时使用了课程的值。' },
  'frame.clientKind': { en: 'The lesson\'s client "{{node}}" is part of the exercise; its kind ({{kind}}) was put back to the lesson\'s before grading.', 'zh-CN': '课程的客户端“{{node}}”是练习的一部分；评分前已将它的类型（{{kind}}）恢复为课程的设置。' },
  'frame.clientProps': { en: 'The lesson\'s client "{{node}}" is part of the exercise; its {{props}} was put back to the lesson\'s before grading.', 'zh-CN': '课程的客户端“{{node}}”是练习的一部分；评分前已将它的 {{props}} 恢复为课程的设置。' },
  'frame.removed_one': { en: '{{reason}}; {{ids}} was removed before grading, with its connections.', 'zh-CN': '{{reason}}；评分前已移除 {{ids}} 及其连线。' },
  'frame.removed_other': { en: '{{reason}}; {{ids}} were removed before grading, with their connections.', 'zh-CN': '{{reason}}；评分前已移除 {{ids}} 及其连线。' },
  'frame.edgesRemoved_one': { en: 'Connection {{ids}} joins two nodes the editor does not connect that way; it was removed before grading.', 'zh-CN': '连线 {{ids}} 以编辑器不允许的方式连接两个节点；评分前已将其移除。' },
  'frame.edgesRemoved_other': { en: 'Connections {{ids}} join nodes the editor does not connect that way; they were removed before grading.', 'zh-CN': '连线 {{ids}} 以编辑器不允许的方式连接节点；评分前已将其移除。' },
  'frame.reason.secondClient': { en: 'The lesson does not allow a second client', 'zh-CN': '本课程不允许添加第二个客户端' },
  'frame.reason.otherClients': { en: 'The lesson does not allow clients other than its own ({{clients}})', 'zh-CN': '本课程只允许使用它自己的客户端（{{clients}}）' },
  'frame.reason.kind': { en: 'The lesson does not offer {{kind}} nodes', 'zh-CN': '本课程不提供{{kind}}节点' },
  'frame.more_one': { en: '… and {{count}} more change like these.', 'zh-CN': '……另有 {{count}} 处类似的改动。' },
  'frame.more_other': { en: '… and {{count}} more changes like these.', 'zh-CN': '……另有 {{count}} 处类似的改动。' },
  // Node ids named in a note: "a", "b" and "c"; "a", …, "e" and 3 more.
  'list.two': { en: '{{head}} and {{last}}', 'zh-CN': '{{head}} 和 {{last}}' },
  'list.more': { en: '{{head}} and {{rest}} more', 'zh-CN': '{{head}} 等另外 {{rest}} 个' },

  // What re-grading a submission tells the instructor (src/main/grading/submission.ts).
  'regrade.noStudent': { en: 'The lesson gives each student their own values, but the file names no student: graded with the lesson as written.', 'zh-CN': '本课程给每个学生各自的数值，但文件没有写明学生：按课程原样评分。' },
  'regrade.otherVariant': { en: "The file records the variant {{recorded}}; the student's name gives {{graded}}, which was graded.", 'zh-CN': '文件记录的变体是 {{recorded}}；按学生姓名得到的是 {{graded}}，评分用的是后者。' },
  'regrade.packVersion': { en: 'Exported with pack version {{exported}}; graded with {{graded}}.', 'zh-CN': '导出时的课程包版本为 {{exported}}；评分时为 {{graded}}。' },
  'regrade.seedStudent': { en: "The file names seed {{file}}; graded with the student's seed {{seed}}.", 'zh-CN': '文件写明的种子为 {{file}}；评分使用该学生的种子 {{seed}}。' },
  'regrade.seedLesson': { en: "The file names seed {{file}}; graded with the lesson's seed {{seed}}.", 'zh-CN': '文件写明的种子为 {{file}}；评分使用课程的种子 {{seed}}。' },
  // Class results (src/main/host/classResults.ts): a file of another installed pack, graded with that pack.
  'regrade.ownPack': { en: 'Graded with its own pack "{{pack}}" (installed here), not "{{expected}}", which graded the other files.', 'zh-CN': '用它自己的课程包“{{pack}}”（已安装）评分，而不是为其他文件评分的“{{expected}}”。' },
  'regrade.appVersion': { en: 'Exported by StateLab {{exported}}; graded by {{graded}}.', 'zh-CN': '由 StateLab {{exported}} 导出；由 {{graded}} 评分。' },
  // What differs between the grade a submission claims and re-grading (Regrade.differenceKeys); {{check}} is the check's id, the app shows its title.
  'regrade.diff.score': { en: 'Score: the file says {{stored}}, re-grading gives {{fresh}}', 'zh-CN': '分数：文件中写的是 {{stored}}，重新评分得到 {{fresh}}' },
  'regrade.diff.check': { en: '{{check}}: the file says {{stored}}, re-grading says {{fresh}}', 'zh-CN': '{{check}}：文件中写的是{{stored}}，重新评分为{{fresh}}' },
  'regrade.diff.missing': { en: "{{check}}: missing from the file's grade", 'zh-CN': '{{check}}：文件的成绩里没有这一项' },
  'regrade.diff.unknown': { en: '{{check}}: not a check of this lesson', 'zh-CN': '{{check}}：不是本课程的检查项' },
  'regrade.diff.passed_one': { en: 'passed ({{count}} point)', 'zh-CN': '通过（{{count}} 分）' },
  'regrade.diff.passed_other': { en: 'passed ({{count}} points)', 'zh-CN': '通过（{{count}} 分）' },
  'regrade.diff.failed_one': { en: 'failed ({{count}} point)', 'zh-CN': '未通过（{{count}} 分）' },
  'regrade.diff.failed_other': { en: 'failed ({{count}} points)', 'zh-CN': '未通过（{{count}} 分）' },
  // A student's variant: "API 2 crashes at: 11.5 s, Request rate of the users: 650 req/s, seed 123" ({{values}}: variant.list or one
  // variant.value.*; {{parameter}} is the parameter's id, which variantText.ts words by the lesson's label; older hosts sent a string).
  'variant.values': { en: '{{values}}, seed {{seed}}', 'zh-CN': '{{values}}，种子 {{seed}}' },
  'variant.seedOnly': { en: 'seed {{seed}}', 'zh-CN': '种子 {{seed}}' },
  'variant.list': { en: '{{head}}, {{tail}}', 'zh-CN': '{{head}}，{{tail}}' },
  'variant.value.ms': { en: '{{parameter}}: {{ms}}', 'zh-CN': '{{parameter}}：{{ms}}' },
  'variant.value.rps': { en: '{{parameter}}: {{rps}}', 'zh-CN': '{{parameter}}：{{rps}}' },
  'variant.value.count': { en: '{{parameter}}: {{number}}', 'zh-CN': '{{parameter}}：{{number}}' },

  // Why a check could not be evaluated (src/main/grading/grade.ts, metricCheck.ts, quiz.ts).
  'check.missingFaultTarget': {
    en: 'The lesson\'s scenario applies "{{action}}" to "{{name}}" at {{seconds}} s, but this design no longer has it. Undo its deletion (Ctrl+Z) or press Start over; to stop using it, delete only its connections.',
    'zh-CN': '课程场景在 {{seconds}} 秒时对“{{name}}”施加“{{action}}”，但这个设计里已经没有它了。请撤销删除（Ctrl+Z）或点击“重新开始”；如果不想再用它，只删除它的连线即可。',
  },
  // The same when the lesson's starter lacks the node too: the student is to add it (the reference has it).
  'check.faultTargetToAdd': {
    en: 'The lesson\'s scenario applies "{{action}}" to "{{name}}" at {{seconds}} s, and this design has no such node yet: add the node the lesson asks for.',
    'zh-CN': '课程场景在 {{seconds}} 秒时对“{{name}}”施加“{{action}}”，但这个设计里还没有这个节点：请按课程要求添加它。',
  },
  // A fault whose target the design keeps but routes the users around (src/main/grading/faultReach.ts).
  'check.faultTargetUnreached': {
    en: 'The lesson\'s scenario applies "{{action}}" to "{{name}}" at {{seconds}} s, but none of the users\' requests reach it in this design, so the design never meets that fault. Put it back in the way of the users\' requests (Start over shows where it was).',
    'zh-CN': '课程场景在 {{seconds}} 秒时对“{{name}}”施加“{{action}}”，但这个设计中用户的请求到达不了它，所以这个设计根本没有经受这个故障。请把它接回用户请求经过的路径（“重新开始”会显示它原来的位置）。',
  },
  // A fault target its load balancers barely sent anything before the fault (a weight of 0.01): faultReach.ts starvedFaultTargets.
  // {{percent}}: what it was sent as a percentage of what the busiest target beside it ({{peerName}}) was sent.
  'check.faultTargetStarved': {
    en: 'The lesson\'s scenario applies "{{action}}" to "{{name}}" at {{seconds}} s, but until then the load balancer sent "{{name}}" only {{percent}}% as many of the users\' requests as "{{peerName}}", so the fault would hit almost no one. A fault target must get at least a quarter of what the busiest instance beside it gets: look at the balancer\'s policy and weights, and give "{{name}}" a real part of the traffic.',
    'zh-CN': '课程场景在 {{seconds}} 秒时对“{{name}}”施加“{{action}}”，但在那之前负载均衡器分给“{{name}}”的用户请求只有“{{peerName}}”的 {{percent}}%，这个故障几乎碰不到任何用户。故障目标分到的请求至少要有它旁边最忙实例的四分之一：请检查负载均衡器的策略和权重，让“{{name}}”承担实实在在的一份流量。',
  },
  // A check of what capacity buys, met by a design over the lesson's budget (grade.ts, holdToBudget): it earns nothing.
  'check.overBudget': {
    en: 'met, but this design is over the lesson\'s budget (the cost check): errors, latency, throughput and false alarms score only within the budget, since enough capacity buys any of them. Bring the cost within the budget and this check scores again',
    'zh-CN': '达到了要求，但这个设计超出了本课程的预算（见成本那一项检查）：错误、延迟、吞吐量和误判只在预算之内才得分，因为只要容量足够，这些都买得到。把成本降到预算之内，这一项就会重新得分',
  },
  // A check reads a node the users' requests never reach (src/main/grading/grade.ts).
  // The same for a fault whose target is picked when it fires ("@busiest-service") when the users reach no node of its kind.
  'check.faultKindUnreached': {
    en: 'The lesson\'s scenario applies "{{action}}" at {{seconds}} s to a node of kind "{{kind}}" (the one it picks then), but none of the users\' requests pass through such a node in this design, so the design never meets that fault. Route the users\' requests through one.',
    'zh-CN': '课程场景在 {{seconds}} 秒时对一个“{{kind}}”节点（届时选中的那个）施加“{{action}}”，但这个设计中用户的请求不经过任何这类节点，所以这个设计根本没有经受这个故障。请让用户的请求经过这类节点。',
  },
  'check.nodeUnreached': {
    en: 'the check reads "{{name}}", but none of the users\' requests reach it in this design: put it in the way of the users\' requests',
    'zh-CN': '这项检查读取“{{name}}”，但这个设计中用户的请求到达不了它：请把它接入用户请求经过的路径',
  },
  'check.noSuchNode': { en: 'the check reads node "{{node}}", which this design does not have', 'zh-CN': '这项检查读取节点“{{node}}”，但这个设计没有该节点' },
  // What {measured} reads in a failed check's feedback when the window held no value (compare.ts).
  'value.noData': { en: 'no data', 'zh-CN': '无数据' },
  // A failed check's feedback when its metric measured nothing (grade.ts unmeasuredFeedback): {{reason}} is an unmeasured.* sentence.
  'feedback.unmeasured': { en: 'Nothing to measure: {{reason}}.', 'zh-CN': '无从测量：{{reason}}。' },
  'feedback.unmeasuredBound': { en: 'Nothing to measure: {{reason}} (needed {{bound}}).', 'zh-CN': '无从测量：{{reason}}（要求{{bound}}）。' },
  // After it when the lesson's feedback has nothing else to say.
  'feedback.unmeasuredLook': { en: 'The error chart and the event log show what went wrong.', 'zh-CN': '错误率图表和事件日志会显示出了什么问题。' },
  'check.nothingMeasured': { en: 'nothing was measured in the window', 'zh-CN': '时间窗口内没有测到任何数据' },
  'quiz.noMetric': { en: 'the answer names no metric', 'zh-CN': '答案没有指定指标' },
  'quiz.noChoice': { en: 'no choice is a node of this run with a value of {{metric}}', 'zh-CN': '没有哪个选项是本次运行中具有 {{metric}} 数值的节点' },

  // A check's bound as a student reads it ("at most 3,000 ms", "至多 3,000毫秒"): checkValue.ts words the stored "<= 3000 ms" with these.
  'bound.lt': { en: 'less than {{value}}', 'zh-CN': '低于 {{value}}' },
  'bound.le': { en: 'at most {{value}}', 'zh-CN': '至多 {{value}}' },
  'bound.eq': { en: 'exactly {{value}}', 'zh-CN': '恰好 {{value}}' },
  'bound.ge': { en: 'at least {{value}}', 'zh-CN': '至少 {{value}}' },
  'bound.gt': { en: 'more than {{value}}', 'zh-CN': '高于 {{value}}' },
  'bound.ne': { en: 'other than {{value}}', 'zh-CN': '不等于 {{value}}' },
  // A number of partitions in a check's measured line and bound.
  'unit.partitions_one': { en: '{{count}} partition', 'zh-CN': '{{count}} 个分区' },
  'unit.partitions_other': { en: '{{count}} partitions', 'zh-CN': '{{count}} 个分区' },

  // Why a metric has no value in a window (METRICS[…].unmeasured, src/shared/metrics.ts).
  'unmeasured.cacheRead': { en: 'no cache read happened in the window', 'zh-CN': '时间窗口内没有发生缓存读取' },
  'unmeasured.balancerForwarded': { en: 'no load balancer forwarded a request in the window', 'zh-CN': '时间窗口内没有负载均衡器转发请求' },
  'unmeasured.ownerServed': { en: 'no owner served a keyed request in the window', 'zh-CN': '时间窗口内没有所有者处理带键的请求' },
  'unmeasured.recoveryFinished': { en: 'no recovery finished in the window', 'zh-CN': '时间窗口内没有完成任何恢复' },
  'unmeasured.requestServed': { en: 'no request was served (none succeeded) in the window', 'zh-CN': '时间窗口内没有请求被成功处理' },
  'unmeasured.requestEnded': { en: 'no request ended in the window', 'zh-CN': '时间窗口内没有请求结束' },
  'unmeasured.partitionReached': { en: 'no request reached a partition in the window', 'zh-CN': '时间窗口内没有请求到达分区' },
  'unmeasured.workStarted': { en: 'no request started work in the window', 'zh-CN': '时间窗口内没有请求开始处理' },
  'unmeasured.requestIssued': { en: 'no request was issued in the window', 'zh-CN': '时间窗口内没有发出请求' },
  'unmeasured.userReconnected': { en: 'no user reconnected in the window', 'zh-CN': '时间窗口内没有用户重新连接' },
  'unmeasured.followerWait': { en: 'no write waited for a follower in the window', 'zh-CN': '时间窗口内没有写入等待从节点' },
  'unmeasured.writeReplicated': { en: 'no write was replicated in the window', 'zh-CN': '时间窗口内没有写入被复制' },
} as const satisfies Record<string, Template>;

/** A key as a message names it: plural keys without their `_one`/`_other` suffix. */
export type GradeKey = keyof typeof GRADE_TEXTS extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K & string) : never;
export type GradeMessage = Message<GradeKey>;
export type GradeParams = Readonly<Record<string, MessageParam<GradeKey>>>;
export type UnmeasuredKey = Extract<GradeKey, `unmeasured.${string}`>;

export const gradeMessage = (key: GradeKey, params?: GradeParams): GradeMessage => (params === undefined ? { key } : { key, params });

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const known = (key: string): boolean => Object.hasOwn(GRADE_TEXTS, key) || Object.hasOwn(GRADE_TEXTS, `${key}_other`);

/** Whether every key in a stored message (nested ones too) is one this app has: else show the stored English. */
export function isKnownGradeMessage(message: Message): boolean {
  if (!known(message.key)) return false;
  return Object.values(message.params ?? {}).every((value) => !isMessage(value) || isKnownGradeMessage(value));
}

/** Resolves plural keys by `count` in the locale, nested messages too, so fillMessage finds each one. */
function resolvePlurals(message: Message, locale: string): Message {
  const params = message.params && Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, isMessage(v) ? resolvePlurals(v, locale) : v]));
  let key = message.key;
  if (!Object.hasOwn(GRADE_TEXTS, key) && !PLURAL_SUFFIX.test(key)) {
    const count = params?.count;
    const category = typeof count === 'number' ? new Intl.PluralRules(locale).select(count) : 'other';
    key = Object.hasOwn(GRADE_TEXTS, `${key}_${category}`) ? `${key}_${category}` : `${key}_other`;
  }
  return params ? { key, params } : { key };
}

/**
 * How a parameter reads: as stored by default; the renderer passes one that words the shared tables'
 * ids in the student's language (a fault action as "崩溃", a node kind as "缓存").
 */
export type GradeParamFormat = (name: string, value: string | number) => string;

/** The message in a locale (English for an unknown locale). */
export const gradeText = (message: Message, locale: string, format?: GradeParamFormat): string => fillMessage(GRADE_TEXTS, resolvePlurals(message, locale), locale, format);

/** The English sentence: what the report's `notes` / `error`, the CLI and the grades CSV keep. */
export const englishGrade = (message: GradeMessage): string => gradeText(message, 'en');

/** A check's `error` and its key, side by side. */
export const keyedError = (message: GradeMessage): { error: string; errorKey: GradeMessage } => ({ error: englishGrade(message), errorKey: message });

/** Sentences in a locale, one after another (a check's error may have several). */
export const gradeTexts = (messages: readonly Message[], locale: string, format?: GradeParamFormat): string => messages.map((m) => gradeText(m, locale, format)).join(' ');

/**
 * A stored message, as a submission file holds it (never trusted): bounded keys, few parameters,
 * nesting bounded by the document's own depth limit (src/shared/json.ts).
 */
type StoredMessage = { key: string; params?: Record<string, string | number | StoredMessage> };
export const GradeMessageSchema: z.ZodType<StoredMessage> = z.lazy(() =>
  z
    .object({
      key: z.string().min(1).max(64),
      params: z
        .record(z.string().max(32), z.union([z.string().max(1000), z.number(), GradeMessageSchema]))
        .refine((p) => Object.keys(p).length <= 8, 'at most 8 parameters')
        .optional(),
    })
    .strict(),
);
