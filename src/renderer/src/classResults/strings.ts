/** The class results dashboard's words, in every app language (kept here so the dashboard stays one folder). */
import type { AppLocale } from '../../../shared/i18n';
import { useLocale } from '../i18n/LocaleContext';

const en = {
  title: 'Class results',
  open: 'Class results',
  gradeFolder: 'Grade a folder of submissions…',
  readCsv: 'Read a grades CSV…',
  attachFolder: 'Pick the submissions folder to open designs…',
  intro: 'Pick a folder of submission files to grade them here, or read the CSV of "npm run grade" (shards joined with cat are fine).',
  grading: 'Grading {done} of {total}…',
  reading: 'Reading files…',
  queued: 'Waiting for other work to finish (place {position})…',
  cancel: 'Cancel',
  cancelled: 'Cancelled after {done} of {total} submissions.',
  exportCsv: 'Export table as CSV',
  close: 'Close',
  lesson: 'Lesson',
  submissions: 'submissions',
  graded: 'graded',
  unreadable: 'could not be graded',
  mean: 'mean score',
  scoreDistribution: 'Score distribution',
  passRate: 'Pass rate per check',
  failedBy: 'Did not pass {check}',
  nobodyFailed: 'Everyone passed.',
  mismatches: 'Stored grades that did not match',
  duplicates: 'Files graded more than once (first row counted)',
  errors: 'Files that could not be graded',
  skipped: 'Files not sent',
  student: 'Student',
  file: 'File',
  score: 'Score',
  stored: 'Stored grade',
  table: 'Students',
  detail: 'Student',
  closeDetail: 'Close the student’s details',
  openDesign: 'Open design at first violation ({at} s)',
  openDesignPlain: 'Open design in the lab',
  regrading: 'Re-grading this submission…',
  noDesign: 'The design is not loaded: pick the submissions folder to open it.',
  line: 'line',
  pack: 'Pack',
} as const;

type Key = keyof typeof en;

const zh: Record<Key, string> = {
  title: '班级成绩',
  open: '班级成绩',
  gradeFolder: '批改一个提交文件夹…',
  readCsv: '读取成绩 CSV…',
  attachFolder: '选择提交文件夹以打开设计…',
  intro: '选择一个提交文件夹在此批改，或读取 "npm run grade" 生成的 CSV（用 cat 拼接的分片也可以）。',
  grading: '正在批改 {done} / {total}…',
  reading: '正在读取文件…',
  queued: '等待其他任务完成（第 {position} 位）…',
  cancel: '取消',
  cancelled: '已取消：完成 {done} / {total} 份。',
  exportCsv: '导出表格为 CSV',
  close: '关闭',
  lesson: '课程',
  submissions: '份提交',
  graded: '已批改',
  unreadable: '无法批改',
  mean: '平均分',
  scoreDistribution: '分数分布',
  passRate: '各检查项通过率',
  failedBy: '未通过 {check}',
  nobodyFailed: '全部通过。',
  mismatches: '与存储成绩不符',
  duplicates: '被批改多次的文件（只计第一行）',
  errors: '无法批改的文件',
  skipped: '未发送的文件',
  student: '学生',
  file: '文件',
  score: '分数',
  stored: '存储成绩',
  table: '学生',
  detail: '学生',
  closeDetail: '关闭学生详情',
  openDesign: '在首次违规处打开设计（{at} 秒）',
  openDesignPlain: '在实验台中打开设计',
  regrading: '正在重新批改该提交…',
  noDesign: '设计未载入：请选择提交文件夹以打开。',
  line: '行',
  pack: '课程包',
};

const TABLE: Record<AppLocale, Record<Key, string>> = { en, 'zh-CN': zh };

/** t(key, { name: value }) with "{name}" placeholders filled. */
export function useClassStrings() {
  const { locale } = useLocale();
  const words = TABLE[locale] ?? en;
  return (key: Key, values: Record<string, string | number> = {}) => words[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
