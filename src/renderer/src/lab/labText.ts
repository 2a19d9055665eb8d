/**
 * The lab bench's own words added with the readable charts (issue 14), in every app language.
 * Kept in one table so the move of all UI strings to i18next can take them over in one place.
 */
import type { AppLocale } from '../../../shared/i18n';

const en = {
  wholeRun: 'Whole run',
  wholeRunHint: 'These numbers summarise the whole run, not the moment under the cursor',
  atCursor: 'Chart values at the cursor',
  addChart: 'Add a chart',
  addChartPlaceholder: 'Add a chart…',
  removeChart: 'Remove chart',
  unitPerSecond: 'per second',
  unitFraction: 'percent',
  unitMs: 'milliseconds',
  unitCount: 'count per {bucket} s',
  unitRatio: 'ratio',
  nextLogged: 'Next logged event',
  nextLoggedHint: 'Jump to the next event in the event log',
  moreLater: '{n} more logged events later in the run',
  nothingYet: 'Nothing logged yet at this moment.',
  backToLesson: 'Back to lesson',
  backToLessonHint: 'Put this lesson’s work back on the canvas',
} as const;

export type LabTextKey = keyof typeof en;

export const LAB_TEXT: Record<AppLocale, Record<LabTextKey, string>> = {
  en,
  'zh-CN': {
    wholeRun: '整次运行',
    wholeRunHint: '这些数字汇总整次运行，而不是光标所在时刻',
    atCursor: '图表数值为光标处',
    addChart: '添加图表',
    addChartPlaceholder: '添加图表…',
    removeChart: '移除图表',
    unitPerSecond: '每秒',
    unitFraction: '百分比',
    unitMs: '毫秒',
    unitCount: '每 {bucket} 秒计数',
    unitRatio: '比值',
    nextLogged: '下一个日志事件',
    nextLoggedHint: '跳到事件日志中的下一个事件',
    moreLater: '运行后面还有 {n} 个日志事件',
    nothingYet: '此刻尚无日志事件。',
    backToLesson: '返回课程',
    backToLessonHint: '把这节课的设计放回画布',
  },
};

/** `key` in `locale`, with `{name}` placeholders filled from `vars`. */
export function labText(locale: AppLocale, key: LabTextKey, vars: Record<string, string | number> = {}): string {
  return LAB_TEXT[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
