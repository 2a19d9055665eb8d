// The desktop shell's own words (menu, native dialogs) in both app languages; the renderer's are in
// renderer/src/i18n/locales.
import type { AppLocale } from '../../shared/i18n';

/** Every word the desktop shell shows (menu, dialogs), in every app language. */
export const SHELL_TEXT = {
  file: { en: '&File', 'zh-CN': '文件(&F)' },
  new: { en: 'New Design', 'zh-CN': '新建设计' },
  open: { en: 'Open…', 'zh-CN': '打开…' },
  save: { en: 'Save', 'zh-CN': '保存' },
  saveAs: { en: 'Save As…', 'zh-CN': '另存为…' },
  export: { en: 'Export', 'zh-CN': '导出' },
  exportDesign: { en: 'Design File…', 'zh-CN': '设计文件…' },
  exportPng: { en: 'PNG Image', 'zh-CN': 'PNG 图片' },
  exportSvg: { en: 'SVG Image', 'zh-CN': 'SVG 图片' },
  importPack: { en: 'Import Lesson Pack…', 'zh-CN': '导入课程包…' },
  openSubmission: { en: 'Open Submission…', 'zh-CN': '打开作业…' },
  quit: { en: 'Quit StateLab', 'zh-CN': '退出 StateLab' },
  edit: { en: '&Edit', 'zh-CN': '编辑(&E)' },
  undo: { en: 'Undo', 'zh-CN': '撤销' },
  redo: { en: 'Redo', 'zh-CN': '重做' },
  cut: { en: 'Cut', 'zh-CN': '剪切' },
  copy: { en: 'Copy', 'zh-CN': '复制' },
  paste: { en: 'Paste', 'zh-CN': '粘贴' },
  view: { en: '&View', 'zh-CN': '视图(&V)' },
  zoomIn: { en: 'Zoom In', 'zh-CN': '放大' },
  zoomOut: { en: 'Zoom Out', 'zh-CN': '缩小' },
  resetZoom: { en: 'Actual Size', 'zh-CN': '实际大小' },
  fitView: { en: 'Fit Design to Window', 'zh-CN': '适应窗口' },
  language: { en: 'Language', 'zh-CN': '语言' },
  developer: { en: 'Developer', 'zh-CN': '开发者' },
  help: { en: '&Help', 'zh-CN': '帮助(&H)' },
  shortcuts: { en: 'Keyboard Shortcuts', 'zh-CN': '键盘快捷键' },
  about: { en: 'About StateLab', 'zh-CN': '关于 StateLab' },
  aboutDetail: { en: 'A lab for stateless and stateful distributed systems. Version {version}.', 'zh-CN': '无状态与有状态分布式系统实验室。版本 {version}。' },
  unsavedTitle: { en: 'Unsaved changes', 'zh-CN': '未保存的更改' },
  unsavedMessage: { en: 'Your design has unsaved changes.', 'zh-CN': '你的设计有未保存的更改。' },
  unsavedDetail: {
    en: 'If you close StateLab now, the changes since your last save are kept only as the autosave offered at the next start.',
    'zh-CN': '如果现在关闭 StateLab，上次保存之后的更改只会保留在自动保存中，下次启动时可以恢复。',
  },
  closeAnyway: { en: 'Close without saving', 'zh-CN': '不保存并关闭' },
  cancel: { en: 'Cancel', 'zh-CN': '取消' },
  openPackTitle: { en: 'Import a lesson pack', 'zh-CN': '导入课程包' },
  openSubmissionTitle: { en: 'Open a submission', 'zh-CN': '打开作业' },
  packFiles: { en: 'StateLab lesson packs', 'zh-CN': 'StateLab 课程包' },
  submissionFiles: { en: 'StateLab submissions', 'zh-CN': 'StateLab 作业' },
} as const satisfies Record<string, Record<AppLocale, string>>;
export type ShellTextKey = keyof typeof SHELL_TEXT;

/** A text in a language, with `{name}` placeholders filled in. */
export function shellText(key: ShellTextKey, locale: AppLocale, values: Record<string, string> = {}): string {
  return SHELL_TEXT[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
