/**
 * Event-log sentences, defined once per language. The simulator logs a key and its parameters
 * (RunEvent.kind, .textKey, .params); the English sentence it also stores (RunEvent.message, for
 * the CLI and old runs) is made from this table, and the UI shows `eventText(event, locale)`.
 *
 * A key is a RunEventKind, or `<kind>.<variant>` where one kind has more than one sentence.
 * Placeholders are `{{name}}` (i18next's syntax), filled from RunEvent.params.
 */
import type { FailureReason } from '../failureReasons';
import type { RunEvent, RunEventKind } from '../metrics';
import { fillTemplate, templatePlaceholders } from './messages';

export interface EventTemplate {
  en: string;
  'zh-CN': string;
}

export const EVENT_TEXTS = {
  fault: { en: 'Fault {{fault}}: {{action}} {{target}}.', 'zh-CN': '故障 {{fault}}：{{action}} {{target}}。' },
  /** How the lab's event log says a fault: without its id (a lab fault's is "lab-crash-1"); the simulator logs `fault`. */
  'fault.named': { en: '{{action}} on {{target}}.', 'zh-CN': '对 {{target}} 施加“{{action}}”。' },
  crashed: { en: '{{node}} crashed.', 'zh-CN': '{{node}} 已崩溃。' },
  restarted: { en: '{{node}} restarted.', 'zh-CN': '{{node}} 已重启。' },
  'restarted.deploy': { en: '{{node}} restarted for the deploy.', 'zh-CN': '{{node}} 因部署而重启。' },
  ready: { en: '{{node}} finished starting (version {{version}}).', 'zh-CN': '{{node}} 启动完成（版本 {{version}}）。' },
  'failure-detected': { en: '{{lb}} marked {{node}} unhealthy after {{count}} failed health checks.', 'zh-CN': '{{lb}} 在 {{count}} 次健康检查失败后将 {{node}} 标记为不健康。' },
  'recovered-detected': { en: '{{lb}} sees {{node}} healthy again.', 'zh-CN': '{{lb}} 发现 {{node}} 已恢复健康。' },
  'owner-changed': { en: '{{count}} partitions of {{node}} moved to other owners (epochs bumped).', 'zh-CN': '{{node}} 的 {{count}} 个分区已转给其他所有者（纪元已递增）。' },
  'owner-changed.handed-over': { en: '{{node}} hands its {{count}} partitions over to other owners before it stops.', 'zh-CN': '{{node}} 在停止前把自己的 {{count}} 个分区移交给其他所有者。' },
  'owner-changed.joined': { en: '{{node}} joined and took {{count}} partitions.', 'zh-CN': '{{node}} 加入并接管了 {{count}} 个分区。' },
  'lease-expired': { en: "{{node}}'s lease expired (no renewal for {{ttlMs}} ms).", 'zh-CN': '{{node}} 的租约已过期（{{ttlMs}} 毫秒内未续约）。' },
  'session-lost': { en: "{{count}} sessions kept in {{node}}'s memory are lost.", 'zh-CN': '保存在 {{node}} 内存中的 {{count}} 个会话已丢失。' },
  'session-lost.store': { en: '{{node}} kept sessions only in memory: {{count}} sessions are lost.', 'zh-CN': '{{node}} 只把会话保存在内存中：{{count}} 个会话已丢失。' },
  'write-lost': { en: '{{count}} acknowledged writes never reached {{node}} and are lost.', 'zh-CN': '{{count}} 个已确认的写入没有到达 {{node}}，已丢失。' },
  'split-brain-began': { en: 'Split brain: two instances believe they own partition {{partition}}.', 'zh-CN': '脑裂：两个实例都认为自己拥有分区 {{partition}}。' },
  'split-brain-ended': { en: 'Split brain ended: every partition has at most one owner again.', 'zh-CN': '脑裂结束：每个分区重新最多只有一个所有者。' },
  'rebalance-done': { en: '{{node}} now routes over {{count}} targets; {{percent}}% of keys moved.', 'zh-CN': '{{node}} 现在在 {{count}} 个目标之间路由；{{percent}}% 的键已迁移。' },
  failover: { en: '{{node}} promoted to leader in place of {{old}}.', 'zh-CN': '{{node}} 被提升为主库，接替 {{old}}。' },
  drained: { en: 'Drained {{nodes}}.', 'zh-CN': '已排空（drain）{{nodes}}。' },
  'deploy-done': { en: 'Rolling deploy finished: {{count}} instances replaced.', 'zh-CN': '滚动部署完成：已替换 {{count}} 个实例。' },
  'scaled-out': { en: '{{clone}} added as a copy of {{node}}.', 'zh-CN': '已添加 {{clone}}，它是 {{node}} 的克隆（配置相同的新实例）。' },
  'scaled-in': { en: '{{node}} removed.', 'zh-CN': '{{node}} 已移除。' },
  'lease-expired.false-suspicion': {
    en: "{{node}}'s lease expired (no renewal for {{ttlMs}} ms) although it was up and only slow.",
    'zh-CN': '{{node}} 的租约已过期（{{ttlMs}} 毫秒内未续约），尽管它仍在运行，只是变慢了。',
  },
  'failure-detected.false-suspicion': {
    en: '{{lb}} marked {{node}} unhealthy after {{count}} failed health checks (a false suspicion: it was up and only slow).',
    'zh-CN': '{{lb}} 在 {{count}} 次健康检查失败后将 {{node}} 标记为不健康（误判：它仍在运行，只是变慢了）。',
  },
  revoked: { en: '{{count}} sessions revoked ({{none}} of the {{asked}} users held none).', 'zh-CN': '已撤销 {{count}} 个会话（{{asked}} 个用户中有 {{none}} 个没有会话）。' },
  'not-wired': {
    en: '{{node}} keeps sessions in a session store, but none is connected: requests with a session fail.',
    'zh-CN': '{{node}} 把会话保存在会话存储中，但没有连接任何会话存储：带会话的请求会失败。',
  },
  'not-wired.coordinator': {
    en: '{{node}} owns partitions but is not connected to the coordinator: it owns nothing, its requests fail.',
    'zh-CN': '{{node}} 拥有分区，但没有连接到协调器：它什么也不拥有，它的请求会失败。',
  },
  'not-wired.replica': {
    en: '{{node}} took over partition {{partition}} but has no replica connected to recover it from; its requests fail.',
    'zh-CN': '{{node}} 接管了分区 {{partition}}，但没有连接可用于恢复的副本；它的请求会失败。',
  },
  'failover-refused': { en: 'No follower of {{node}} can be promoted without losing acknowledged writes.', 'zh-CN': '{{node}} 的任何从库都无法在不丢失已确认写入的情况下被提升。' },
  'failover-refused.lagging': {
    en: '{{node}} is not promoted: it lacks acknowledged writes, and {{leader}} replicates synchronously.',
    'zh-CN': '{{node}} 未被提升：它缺少已确认的写入，而 {{leader}} 采用同步复制。',
  },
  'replication-degraded': { en: '{{node}} did not acknowledge in time: {{leader}} acknowledges writes without it.', 'zh-CN': '{{node}} 未能及时确认：{{leader}} 在没有它的情况下确认写入。' },
  'replication-degraded.caught-up': { en: '{{node}} caught up with {{leader}} and is in sync again.', 'zh-CN': '{{node}} 已追上 {{leader}}，重新进入同步状态。' },
  'connections-dropped': {
    en: '{{node}} stopped: its {{count}} open connections dropped, and their clients reconnect.',
    'zh-CN': '{{node}} 停止了：它持有的 {{count}} 条连接全部断开，这些客户端开始重连。',
  },
  // A node starts failing requests for a reason (its first such failure, or the first after a quiet
  // spell): one sentence per reason (FAILING_TEXT below), and more precise ones where the simulator
  // knows what is missing. The kind's own sentence is the fallback of an unknown variant.
  failing: { en: '{{node}} started failing requests.', 'zh-CN': '{{node}} 开始让请求失败。' },
  'failing.down': { en: '{{node}} fails requests as down: {{target}} is down.', 'zh-CN': '{{node}} 的请求因宕机而失败：{{target}} 已宕机。' },
  'failing.down.starting': { en: '{{node}} fails requests as down: it is still starting.', 'zh-CN': '{{node}} 的请求因宕机而失败：它仍在启动中。' },
  'failing.down.loading': { en: '{{node}} fails requests as down: it is still loading partition {{partition}}.', 'zh-CN': '{{node}} 的请求因宕机而失败：它仍在加载分区 {{partition}}。' },
  'failing.down.not-leader': { en: '{{node}} fails requests as down: it is not the leader.', 'zh-CN': '{{node}} 的请求因宕机而失败：它不是主库。' },
  'failing.timeout': { en: '{{node}} fails requests with a timeout: {{target}} did not answer within {{ms}} ms.', 'zh-CN': '{{node}} 的请求因超时而失败：{{target}} 在 {{ms}} 毫秒内没有应答。' },
  'failing.timeout.no-connection': {
    en: '{{node}} fails requests with a timeout: its users had no connection within {{ms}} ms.',
    'zh-CN': '{{node}} 的请求因超时而失败：它的用户在 {{ms}} 毫秒内没有连接。',
  },
  'failing.timeout.login-wait': {
    en: '{{node}} fails requests with a timeout: they waited for their user\'s login longer than {{ms}} ms.',
    'zh-CN': '{{node}} 的请求因超时而失败：它们等待用户登录超过了 {{ms}} 毫秒。',
  },
  'failing.timeout.replica': { en: '{{node}} fails writes with a timeout: its followers did not acknowledge in time.', 'zh-CN': '{{node}} 的写入因超时而失败：它的从库没有及时确认。' },
  'failing.overloaded': { en: '{{node}} refuses requests as overloaded: its queue is full ({{count}} waiting).', 'zh-CN': '{{node}} 因过载而拒绝请求：它的队列已满（{{count}} 个在等待）。' },
  'failing.noRoute': { en: '{{node}} fails requests with no route: none of its targets is healthy.', 'zh-CN': '{{node}} 的请求因无路由而失败：它的目标没有一个是健康的。' },
  'failing.noRoute.unowned': { en: '{{node}} fails requests with no route: no instance owns partition {{partition}}.', 'zh-CN': '{{node}} 的请求因无路由而失败：没有实例拥有分区 {{partition}}。' },
  'failing.noRoute.owner-unhealthy': {
    en: '{{node}} fails requests with no route: {{owner}}, the owner of partition {{partition}}, is not healthy.',
    'zh-CN': '{{node}} 的请求因无路由而失败：分区 {{partition}} 的所有者 {{owner}} 不健康。',
  },
  'failing.noRoute.stale': {
    en: '{{node}} fails requests with no route: it does not own partition {{partition}} (the router sent them by an old owner map).',
    'zh-CN': '{{node}} 的请求因无路由而失败：它并不拥有分区 {{partition}}（路由器按旧的所有者映射发送了它们）。',
  },
  'failing.noRoute.unconnected': { en: '{{node}} fails requests with no route: it is connected to nothing to send them to.', 'zh-CN': '{{node}} 的请求因无路由而失败：它没有连接任何可以接收请求的节点。' },
  'failing.noRoute.connection-gone': { en: "{{node}} fails requests with no route: the users' connections are gone.", 'zh-CN': '{{node}} 的请求因无路由而失败：用户的连接已断开。' },
  'failing.sessionLost': { en: "{{node}} fails requests with session lost: the users' sessions are not in its memory.", 'zh-CN': '{{node}} 的请求因会话丢失而失败：用户的会话不在它的内存中。' },
  'failing.sessionLost.store': { en: "{{node}} fails requests with session lost: the users' sessions are not in the store.", 'zh-CN': '{{node}} 的请求因会话丢失而失败：用户的会话不在存储中。' },
  'failing.sessionLost.revoked': { en: "{{node}} fails requests with session lost: the users' sessions were revoked.", 'zh-CN': '{{node}} 的请求因会话丢失而失败：用户的会话已被撤销。' },
  'failing.fenced': { en: '{{node}} rejects writes as fenced: they carry a stale fencing token.', 'zh-CN': '{{node}} 以被隔离为由拒绝写入：它们携带过期的隔离令牌。' },
  'failing.notWired': { en: '{{node}} fails requests as not wired: no session store is connected.', 'zh-CN': '{{node}} 的请求因未连线而失败：没有连接会话存储。' },
  'failing.notWired.coordinator': { en: '{{node}} fails requests as not wired: it is not connected to the coordinator.', 'zh-CN': '{{node}} 的请求因未连线而失败：它没有连接到协调器。' },
  'failing.notWired.replica': {
    en: '{{node}} fails requests as not wired: no replica is connected to recover partition {{partition}} from.',
    'zh-CN': '{{node}} 的请求因未连线而失败：没有连接可用于恢复分区 {{partition}} 的副本。',
  },
  'failing.wrongOwner': { en: '{{node}} fails requests as wrong owner: it does not own partition {{partition}} and does not forward them.', 'zh-CN': '{{node}} 的请求因所有者错误而失败：它不拥有分区 {{partition}}，也不转发。' },
  'failing.wrongOwner.owner': {
    en: '{{node}} fails requests as wrong owner: {{owner}} owns partition {{partition}}, and {{node}} does not forward them.',
    'zh-CN': '{{node}} 的请求因所有者错误而失败：分区 {{partition}} 归 {{owner}} 所有，而 {{node}} 不转发。',
  },
  'failing.wrongOwner.forwarded': {
    en: '{{node}} fails requests as wrong owner: they were forwarded to it for partition {{partition}}, which it does not own either.',
    'zh-CN': '{{node}} 的请求因所有者错误而失败：它们因分区 {{partition}} 被转发到这里，但它同样不拥有该分区。',
  },
  'log-truncated': { en: 'Event log limit reached; later events are not listed.', 'zh-CN': '事件日志已达上限，之后的事件不再列出。' },
} as const satisfies Record<RunEventKind, EventTemplate> & Record<string, EventTemplate>;

export type EventTextKey = keyof typeof EVENT_TEXTS;

/**
 * Per failure reason (shared/failureReasons.ts), the sentence logged when a node starts failing
 * requests for it and the simulator names no more precise cause: a new reason does not compile
 * until it has one.
 */
export const FAILING_TEXT = {
  down: 'failing.down',
  timeout: 'failing.timeout',
  overloaded: 'failing.overloaded',
  noRoute: 'failing.noRoute',
  sessionLost: 'failing.sessionLost',
  fenced: 'failing.fenced',
  notWired: 'failing.notWired',
  wrongOwner: 'failing.wrongOwner',
} as const satisfies Record<FailureReason, EventTextKey>;

/** The sentences of a node starting to fail requests: a reason's own, or a more precise one. */
export type FailingTextKey = Extract<EventTextKey, `failing.${string}`>;
export type EventParams = Record<string, string | number>;

/** The event kind a text key belongs to: `restarted.deploy` is a `restarted` event. */
export function eventKindOf(key: EventTextKey): RunEventKind {
  return key.split('.')[0] as RunEventKind;
}

/** The `{{name}}` placeholders of a template, sorted (the one reading of them, messages.ts). */
export const placeholders = templatePlaceholders;

/** Shows one parameter in the UI's language (a fault action's label, a number in Intl format). */
export type EventParamFormatter = (name: string, value: string | number) => string;

/** Fills a template, or undefined when a placeholder has no value. */
function fill(template: string, locale: string, params: EventParams, format: EventParamFormatter = (_, value) => String(value)): string | undefined {
  const { text, isComplete } = fillTemplate(template, locale, (name) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? undefined : format(name, value);
  });
  return isComplete ? text : undefined;
}

/** The English sentence the simulator stores in RunEvent.message. */
export function englishEventText(key: EventTextKey, params: EventParams): string {
  return fill(EVENT_TEXTS[key].en, 'en', params) ?? EVENT_TEXTS[key].en;
}

/**
 * An event-log entry in the student's language. Runs from older versions (no params), unknown
 * keys or locales, and params that do not fill the template fall back to the stored English.
 * `format` may show a parameter in the UI's terms: `action` is a fault action id (FAULTS' key),
 * `count`, `ttlMs` and `partition` are numbers, `percent` a number already rounded to one decimal.
 */
export function eventText(event: Pick<RunEvent, 'kind' | 'message' | 'params' | 'textKey'>, locale: string, format?: EventParamFormatter): string {
  if (!event.params) return event.message;
  const key = event.textKey ?? event.kind;
  const template = Object.hasOwn(EVENT_TEXTS, key) ? (EVENT_TEXTS[key as EventTextKey] as EventTemplate) : undefined;
  const text = template && Object.hasOwn(template, locale) ? template[locale as keyof EventTemplate] : undefined;
  return (text !== undefined && fill(text, locale, event.params, format)) || event.message;
}
