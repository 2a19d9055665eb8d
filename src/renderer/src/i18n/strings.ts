/** The UI's own words, in every app language. Lesson texts come from the pack. */
export const APP_LOCALES = ['en', 'zh-CN'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

export const LOCALE_NAMES: Record<AppLocale, string> = { en: 'English', 'zh-CN': '简体中文' };

const en = {
  lesson: 'Lesson',
  of: 'of',
  previous: 'Previous',
  next: 'Next',
  objectives: 'Objectives',
  steps: 'Steps',
  checkMyWork: 'Check my work',
  checking: 'Checking…',
  resetToStarter: 'Start over',
  resetToStarterHint: 'Put the lesson’s starter design back on the canvas (Undo brings yours back)',
  results: 'Results',
  passed: 'Passed',
  failed: 'Not yet',
  points: 'points',
  measured: 'measured',
  expected: 'expected',
  showHint: 'Show a hint',
  hideHint: 'Hide the hint',
  showMe: 'Show me',
  packProgress: 'Pack progress',
  complete: 'complete',
  language: 'Language',
  externalLink: 'Links to outside the pack are not opened.',
  missingImage: 'image not in the pack',
  allPassed: 'Every check passes. Well done!',
  score: 'Score',
  couldNotEvaluate: 'Could not be evaluated',
  gradingNotes: 'Graded as the lesson set it up',
  exportSubmission: 'Export submission',
  yourName: 'Your name (optional)',
  openSubmission: 'Open a submission…',
  regradeTitle: 'Re-graded submission',
  storedMatched: 'The grade stored in the file matches the re-grade.',
  storedDiffers: 'The grade stored in the file does NOT match the re-grade:',
  storedNone: 'The file carried no grade; this is the re-grade.',
  student: 'Student',
  packs: 'Lesson packs',
  importPack: 'Import a pack (.zip)…',
  importPackFolder: 'Import a pack folder…',
  remove: 'Remove',
  builtIn: 'built in',
  close: 'Close',
  doesNotLoad: 'does not load',
  lessons: 'lessons',
  packImported: 'Imported "{title}" {version}.',
  packReplaced: 'Replaced "{title}" {old} with {version}.',
  packReplacedBroken: 'Replaced "{title}" (the installed copy did not load) with {version}.',
} as const;

export type StringKey = keyof typeof en;

const zhCN: Record<StringKey, string> = {
  lesson: '课程',
  of: '/',
  previous: '上一课',
  next: '下一课',
  objectives: '学习目标',
  steps: '步骤',
  checkMyWork: '检查作业',
  resetToStarter: '重新开始',
  resetToStarterHint: '把本课的初始设计放回画布（撤销可找回你的设计）',
  checking: '正在检查…',
  results: '结果',
  passed: '通过',
  failed: '未通过',
  points: '分',
  measured: '实测',
  expected: '要求',
  showHint: '显示提示',
  hideHint: '隐藏提示',
  showMe: '带我去看',
  packProgress: '课程包进度',
  complete: '已完成',
  language: '语言',
  externalLink: '不会打开课程包之外的链接。',
  missingImage: '课程包中没有这张图片',
  allPassed: '全部检查通过，做得好！',
  score: '得分',
  couldNotEvaluate: '无法评估',
  gradingNotes: '已按课程的设定评分',
  exportSubmission: '导出作业',
  yourName: '你的名字（可选）',
  openSubmission: '打开作业文件…',
  regradeTitle: '重新评分的作业',
  storedMatched: '文件中保存的成绩与重新评分一致。',
  storedDiffers: '文件中保存的成绩与重新评分不一致：',
  storedNone: '文件中没有成绩；以下为重新评分结果。',
  student: '学生',
  packs: '课程包',
  importPack: '导入课程包（.zip）…',
  importPackFolder: '导入课程包文件夹…',
  remove: '移除',
  builtIn: '内置',
  close: '关闭',
  doesNotLoad: '无法加载',
  lessons: '课',
  packImported: '已导入“{title}” {version}。',
  packReplaced: '已将“{title}” {old} 替换为 {version}。',
  packReplacedBroken: '已用 {version} 替换“{title}”（原先安装的版本无法加载）。',
};

export const STRINGS: Record<AppLocale, Record<StringKey, string>> = { en, 'zh-CN': zhCN };

/** The app language at first start: the system's, if we have it, else English. */
export function defaultLocale(languages: readonly string[]): AppLocale {
  for (const language of languages) {
    if (language.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (language.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}
