/**
 * What the lab's Step readout says about one simulator event ("request delivered to api-2",
 * "timer at lb (health check)"), defined once per language. The host describes each event as a
 * key and parameters (SimEvent.text); the English sentence is also kept (SimEvent.description).
 * `action` is a fault action id, shown by its label in the UI's language; `purpose` is a timer
 * purpose of sim/nodes/timers.ts, a `purpose.*` key of this table.
 */
import { fillMessage, type Message, type Template } from './messages';

export const STEP_TEXTS = {
  'step.requestDelivered': { en: 'request delivered to {{node}}', 'zh-CN': '请求已送达 {{node}}' },
  'step.requestNotHandled': { en: 'request to {{node}} not handled (paused or stale)', 'zh-CN': '发往 {{node}} 的请求未被处理（暂停中或已过时）' },
  'step.requestLost': { en: 'request to {{node}} lost: {{node}} is down', 'zh-CN': '发往 {{node}} 的请求丢失：{{node}} 已宕机' },
  'step.responseDelivered': { en: 'response delivered to {{node}}', 'zh-CN': '响应已送达 {{node}}' },
  'step.lateResponse': { en: 'late response at {{node}} ignored', 'zh-CN': '{{node}} 忽略了迟到的响应' },
  'step.responseLost': { en: 'response to {{node}} lost: {{node}} is down', 'zh-CN': '发往 {{node}} 的响应丢失：{{node}} 已宕机' },
  'step.timer': { en: 'timer at {{node}}', 'zh-CN': '{{node}} 的定时器' },
  'step.timerFor': { en: 'timer at {{node}} ({{purpose}})', 'zh-CN': '{{node}} 的定时器（{{purpose}}）' },
  'step.staleTimer': { en: 'stale timer at {{node}} ignored', 'zh-CN': '{{node}} 忽略了过时的定时器' },
  'step.timeout': { en: 'timeout at {{node}}', 'zh-CN': '{{node}} 超时' },
  'step.timeoutSkipped': { en: 'timeout check at {{node}} skipped', 'zh-CN': '{{node}} 的超时检查已跳过' },
  'step.fault': { en: 'fault: {{action}} {{target}}', 'zh-CN': '故障：{{action}} {{target}}' },
  'step.faultEnd': { en: 'fault: end of {{action}} {{target}}', 'zh-CN': '故障：{{action}} {{target}} 结束' },
  'step.faultNext': { en: 'fault: next step of {{action}} {{target}}', 'zh-CN': '故障：{{action}} {{target}} 的下一步' },
  'step.faultUnknown': { en: 'fault', 'zh-CN': '故障' },
  'step.probe': { en: 'health probe at {{node}}', 'zh-CN': '{{node}} 的健康探测' },
  'step.probeIgnored': { en: 'health probe at {{node}} not answered (down, paused or stale)', 'zh-CN': '{{node}} 的健康探测未被处理（已宕机、暂停中或已过时）' },
  'step.noise': { en: 'background pause at {{node}} starts or ends', 'zh-CN': '{{node}} 的后台停顿开始或结束' },
  'step.other': { en: '{{type}} at {{node}}', 'zh-CN': '{{node}} 上的 {{type}}' },
  'purpose.next request': { en: 'next request', 'zh-CN': '下一个请求' },
  'purpose.retry': { en: 'retry', 'zh-CN': '重试' },
  'purpose.health check': { en: 'health check', 'zh-CN': '健康检查' },
  'purpose.owner map refresh': { en: 'owner map refresh', 'zh-CN': '刷新所有者映射' },
  'purpose.work done': { en: 'work done', 'zh-CN': '处理完成' },
  'purpose.finished starting': { en: 'finished starting', 'zh-CN': '启动完成' },
  'purpose.lease renewal': { en: 'lease renewal', 'zh-CN': '租约续约' },
  'purpose.lease news': { en: 'lease news', 'zh-CN': '租约通知' },
  'purpose.replication deadline': { en: 'replication deadline', 'zh-CN': '复制截止时间' },
  'purpose.log shipped to replicas': { en: 'log shipped to replicas', 'zh-CN': '日志已发送到副本' },
  'purpose.leader watch': { en: 'leader watch', 'zh-CN': '主库监测' },
  'purpose.lease check': { en: 'lease check', 'zh-CN': '租约检查' },
  'purpose.partition released': { en: 'partition released', 'zh-CN': '分区已释放' },
  'purpose.open connections': { en: 'open connections', 'zh-CN': '建立连接' },
  'purpose.reconnect': { en: 'reconnect', 'zh-CN': '重新连接' },
  'purpose.connection dropped': { en: 'connection dropped', 'zh-CN': '连接断开' },
} as const satisfies Record<string, Template>;

export type StepTextKey = keyof typeof STEP_TEXTS;
export type StepText = Message<StepTextKey>;

/** A Step description in a locale; `format` shows a parameter in the UI's terms (a fault action by its label). */
export function stepText(text: StepText, locale: string, format?: (name: string, value: string | number) => string): string {
  return fillMessage(STEP_TEXTS, text, locale, format);
}
