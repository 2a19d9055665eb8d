/**
 * Every error a person can read, defined once per language. Main, the workers and the renderer
 * throw or return a key and its parameters (`AppError.key/params`, `DocumentError.text`); the
 * English sentence is also kept as `message` for the CLI and the log, and the renderer shows
 * `errorText(error, locale)`. A key without its zh-CN sentence does not compile, and
 * tests/unit/i18n/resources.test.ts checks each zh-CN sentence is Chinese with the same placeholders.
 *
 * A parameter may be a message of this table (a noun, a file problem, a wrapped error): `what` in
 * "The {{what}} is too large" is `{key: 'noun.submission'}`, so it reads 提交文件 in Chinese.
 */
import { fillMessage, type Message, type MessageParam, type Template } from './messages';
import { issuePlace, issueText, type Issue } from './issues';
import { labelColon } from './numbers';
import { PACK_TEXTS, withWrittenNumbers } from './packTexts';

export const ERROR_TEXTS = {
  // What a document is called in messages ("The {{what}} is too large").
  'noun.file': { en: 'file', 'zh-CN': '文件' },
  'noun.fileNamed': { en: 'file "{{name}}"', 'zh-CN': '文件“{{name}}”' },
  'noun.graph': { en: 'graph', 'zh-CN': '设计图' },
  'noun.lesson': { en: 'lesson', 'zh-CN': '课程' },
  'noun.packManifest': { en: 'lesson pack manifest', 'zh-CN': '课程包清单' },
  'noun.submission': { en: 'submission', 'zh-CN': '提交文件' },
  'noun.progress': { en: 'progress file', 'zh-CN': '进度文件' },
  'noun.recent': { en: 'recent files list', 'zh-CN': '最近文件列表' },
  'noun.autosave': { en: 'autosave', 'zh-CN': '自动保存文件' },
  'noun.lessonWork': { en: 'saved work of lesson "{{lesson}}"', 'zh-CN': '课程“{{lesson}}”保存的作业' },
  'noun.gradesCsv': { en: 'the grades CSV', 'zh-CN': '成绩 CSV' },
  'noun.run': { en: 'run', 'zh-CN': '运行' },
  'noun.grading': { en: 'grading', 'zh-CN': '评分' },
  'noun.trace': { en: 'request trace', 'zh-CN': '请求追踪' },
  'noun.verification': { en: 'verification', 'zh-CN': '验证' },
  'noun.gradingFile': { en: 'grading of this file', 'zh-CN': '此文件的评分' },
  'noun.eventSearch': { en: 'search for the next events', 'zh-CN': '查找后续事件' },

  // A wrapped error: "x.json: <the inner sentence>".
  'at.file': { en: '{{file}}: {{detail}}', 'zh-CN': '{{file}}：{{detail}}' },

  // The dispatcher and the transports.
  'call.unknownChannel': { en: 'There is no channel named {{channel}}.', 'zh-CN': '没有名为 {{channel}} 的通道。' },
  'call.tooLarge': { en: '{{channel}}: the request is too large ({{bytes}} bytes).', 'zh-CN': '{{channel}}：请求过大（{{bytes}} 字节）。' },
  'call.invalid': { en: '{{channel}}: the request has problems:', 'zh-CN': '{{channel}}：请求有问题：' },
  'call.forbiddenSender': { en: "{{channel}}: calls are accepted only from StateLab's own window.", 'zh-CN': '{{channel}}：只接受来自 StateLab 自身窗口的调用。' },
  'call.failed': { en: '{{channel}} failed: {{detail}}', 'zh-CN': '{{channel}} 失败：{{detail}}' },
  'call.failedFile': { en: '{{channel}} failed: {{problem}}{{file}}.', 'zh-CN': '{{channel}} 失败：{{problem}}{{file}}。' },
  'call.fileName': { en: ' ("{{name}}")', 'zh-CN': '（“{{name}}”）' },
  'fs.ENOENT': { en: 'a file or folder it needed is missing', 'zh-CN': '所需的文件或文件夹不存在' },
  'fs.EACCES': { en: 'it is not allowed to use a file or folder', 'zh-CN': '没有使用某个文件或文件夹的权限' },
  'fs.EPERM': { en: 'the system did not permit a file operation', 'zh-CN': '系统不允许该文件操作' },
  'fs.ENOSPC': { en: 'the disk is full', 'zh-CN': '磁盘已满' },
  'fs.EDQUOT': { en: 'the disk quota is used up', 'zh-CN': '磁盘配额已用完' },
  'fs.EROFS': { en: 'the disk is read-only', 'zh-CN': '磁盘是只读的' },
  'fs.EMFILE': { en: 'too many files are open', 'zh-CN': '打开的文件过多' },
  'fs.ENFILE': { en: 'too many files are open', 'zh-CN': '打开的文件过多' },
  'fs.EBUSY': { en: 'a file is in use by another program', 'zh-CN': '某个文件正被其他程序使用' },
  'fs.EEXIST': { en: 'a file it meant to create already exists', 'zh-CN': '要创建的文件已存在' },
  'fs.ENOTDIR': { en: 'a path it expected to be a folder is a file', 'zh-CN': '应为文件夹的路径是一个文件' },
  'fs.EISDIR': { en: 'a path it expected to be a file is a folder', 'zh-CN': '应为文件的路径是一个文件夹' },
  'fs.ENAMETOOLONG': { en: 'a file name is too long', 'zh-CN': '文件名过长' },
  'fs.ENOTEMPTY': { en: 'a folder it meant to replace is not empty', 'zh-CN': '要替换的文件夹不是空的' },
  'fs.EIO': { en: 'the disk reported a read or write error', 'zh-CN': '磁盘报告了读写错误' },

  // The browser bridge (renderer side).
  'bridge.noKey': { en: 'This page has no key for the StateLab host. Open the address `npm run web` printed (it ends in ?key=…).', 'zh-CN': '此页面没有 StateLab 主机的密钥。请打开 `npm run web` 打印的地址（以 ?key=… 结尾）。' },
  'bridge.unreachable': { en: 'Could not reach the StateLab host. Is `npm run web` still running? If it was restarted, open the address it printed again.', 'zh-CN': '无法连接 StateLab 主机。`npm run web` 还在运行吗？如果它重启过，请重新打开它打印的地址。' },
  'bridge.lost': { en: 'The connection to the StateLab host was lost. Is `npm run web` still running?', 'zh-CN': '与 StateLab 主机的连接已断开。`npm run web` 还在运行吗？' },

  // Size limits.
  'size.tooLarge': { en: 'This file is too large ({{size}} MB, at most {{limit}} MB).', 'zh-CN': '此文件过大（{{size}} MB，最多 {{limit}} MB）。' },
  'size.tooLargeEscaped': {
    en: 'This file is too large ({{size}} MB, at most {{limit}} MB). The file is {{fileSize}} MB; its quotes, backslashes and other special characters take more room when sent.',
    'zh-CN': '此文件过大（{{size}} MB，最多 {{limit}} MB）。文件本身为 {{fileSize}} MB；发送时其中的引号、反斜杠等特殊字符会占用更多空间。',
  },
  'size.documentBytes': { en: 'The {{what}} is too large ({{bytes}} bytes; the limit is {{limit}}).', 'zh-CN': '{{what}}过大（{{bytes}} 字节；上限为 {{limit}}）。' },
  'size.notAFile': { en: '{{file}} is not a file.', 'zh-CN': '{{file}} 不是文件。' },

  // Reading documents (shared/json.ts, shared/document.ts).
  'document.tooDeep': { en: 'The {{what}} is nested more than {{max}} levels deep (at {{path}}); no StateLab document is.', 'zh-CN': '{{what}}的嵌套超过 {{max}} 层（位于 {{path}}）；StateLab 文档不会这样。' },
  'document.notJson': { en: 'The {{what}} is not valid JSON. It may be truncated or not a StateLab document.', 'zh-CN': '{{what}}不是有效的 JSON。它可能被截断了，或者不是 StateLab 文档。' },
  'document.notJsonAt': {
    en: 'The {{what}} is not valid JSON (at line {{line}}, column {{column}}). It may be truncated or not a StateLab document.',
    'zh-CN': '{{what}}不是有效的 JSON（第 {{line}} 行第 {{column}} 列）。它可能被截断了，或者不是 StateLab 文档。',
  },
  'document.forbiddenKey': { en: 'The {{what}} contains the key "{{key}}", which is not allowed in StateLab documents.', 'zh-CN': '{{what}}包含键“{{key}}”，StateLab 文档不允许使用它。' },
  'document.notObject': { en: 'This is not a StateLab {{noun}}: expected a JSON object at the top level.', 'zh-CN': '这不是 StateLab {{noun}}：顶层应为一个 JSON 对象。' },
  'document.wrongFormat': { en: 'This is not a StateLab {{noun}}: format: expected "{{format}}", found {{found}}.', 'zh-CN': '这不是 StateLab {{noun}}：format 应为“{{format}}”，实际为 {{found}}。' },
  'document.noFormat': { en: 'no "format" field', 'zh-CN': '没有“format”字段' },
  'document.badVersion': { en: 'version: expected a whole number of at least 1.', 'zh-CN': 'version：应为不小于 1 的整数。' },
  'document.newer': {
    en: 'This {{noun}} was written by a newer StateLab (version {{version}}; this app reads up to {{supported}}). Update StateLab to open it.',
    'zh-CN': '此{{noun}}由更新版本的 StateLab 写入（版本 {{version}}；本应用最多读取 {{supported}}）。请更新 StateLab 后再打开。',
  },
  'document.noMigration': { en: 'No migration from {{noun}} version {{version}}.', 'zh-CN': '没有从{{noun}}版本 {{version}} 迁移的方法。' },
  'document.problems': { en: 'The {{noun}} has problems:', 'zh-CN': '{{noun}}有问题：' },
  'document.unreadable': { en: 'The {{what}} could not be read.', 'zh-CN': '无法读取{{what}}。' },
  'document.noSavedDesign': { en: 'There is no saved design named "{{name}}".', 'zh-CN': '没有名为“{{name}}”的已保存设计。' },
  'open.unsupported': { en: 'StateLab does not open "{{file}}": expected a .statelab.json, .statelab-pack.zip or .statelab-submission.json file.', 'zh-CN': 'StateLab 无法打开“{{file}}”：应为 .statelab.json、.statelab-pack.zip 或 .statelab-submission.json 文件。' },
  'files.noDialogs': { en: 'Native file dialogs exist only in the desktop app; here, use “From this computer…” and Download.', 'zh-CN': '只有桌面应用才有系统文件对话框；在这里请使用“从这台电脑…”和下载。' },

  // Warnings beside a call that worked (a full or read-only data folder).
  'warn.gradeNotRecorded': { en: 'Your grade could not be recorded: {{why}}. It counts for this session only.', 'zh-CN': '你的成绩无法记录：{{why}}。它只在本次会话中有效。' },
  'warn.workNotSaved': { en: 'Your work on this lesson could not be saved: {{why}}. Keep this window open, or download the design.', 'zh-CN': '你在这节课上的作业无法保存：{{why}}。请保持此窗口打开，或下载设计。' },
  'warn.workNotUsed': { en: 'Your saved work for this lesson could not be used ({{reason}}) and the lesson starts from its starter. {{kept}}', 'zh-CN': '你在这节课保存的作业无法使用（{{reason}}），课程将从初始设计开始。{{kept}}' },
  'warn.workKeptAs': { en: 'The file was kept as {{file}}.', 'zh-CN': '该文件已保留为 {{file}}。' },
  'warn.workLeft': { en: 'The file was left where it is.', 'zh-CN': '该文件保留在原处。' },
  'warn.recentNotUpdated': { en: 'The recent-files list could not be updated: {{why}}.', 'zh-CN': '无法更新最近文件列表：{{why}}。' },
  'warn.autosaveFailed': { en: 'Unsaved work could not be kept safe: {{why}}. Save or download the design.', 'zh-CN': '未保存的作业无法妥善保留：{{why}}。请保存或下载设计。' },
  'write.ENOSPC': { en: 'the disk is full (ENOSPC)', 'zh-CN': '磁盘已满（ENOSPC）' },
  'write.EDQUOT': { en: 'the disk quota is used up (EDQUOT)', 'zh-CN': '磁盘配额已用完（EDQUOT）' },
  'write.EROFS': { en: 'the data folder is read-only (EROFS)', 'zh-CN': '数据文件夹是只读的（EROFS）' },
  'write.EACCES': { en: 'the data folder may not be written to (EACCES)', 'zh-CN': '数据文件夹不允许写入（EACCES）' },
  'write.EPERM': { en: 'the data folder may not be written to (EPERM)', 'zh-CN': '数据文件夹不允许写入（EPERM）' },
  'write.other': { en: 'the data folder could not be written ({{detail}})', 'zh-CN': '无法写入数据文件夹（{{detail}}）' },

  // Lesson packs.
  'pack.problems': { en: '{{label}}: the lesson pack has problems:', 'zh-CN': '{{label}}：课程包有问题：' },
  'pack.copyProblems': { en: '{{label}}: the copied pack does not load:', 'zh-CN': '{{label}}：复制后的课程包无法加载：' },
  'pack.tooManyFiles': { en: '{{label}}: the pack has more than {{max}} files.', 'zh-CN': '{{label}}：课程包的文件超过 {{max}} 个。' },
  'pack.notFound': { en: '{{label}}: no such folder or zip file.', 'zh-CN': '{{label}}：没有这个文件夹或 zip 文件。' },
  'pack.badId': { en: '"{{id}}" is not a pack id (expected lower-case letters, digits and "-").', 'zh-CN': '“{{id}}”不是课程包 ID（应为小写字母、数字和“-”）。' },
  // What to do, not only what is missing: the instructor grading a class of their own pack had it only as a studio draft.
  'pack.unknown': {
    en: 'There is no lesson pack "{{pack}}"; the installed packs are {{known}}. Import its zip under “Lesson packs” (for a pack of your own, “Export zip” in the studio makes it), then try again.',
    'zh-CN': '没有课程包“{{pack}}”；已安装的课程包有 {{known}}。请在“课程包”里导入它的 zip（自己编写的课程包，在工作室里点击“导出 zip”即可得到），然后重试。',
  },
  'pack.doesNotLoadProblems': { en: 'The pack "{{pack}}" does not load:', 'zh-CN': '课程包“{{pack}}”无法加载：' },
  'pack.doesNotLoad': { en: 'The pack "{{pack}}" does not load:\n{{detail}}', 'zh-CN': '课程包“{{pack}}”无法加载：\n{{detail}}' },
  'pack.unknownLesson': { en: 'The pack "{{pack}}" has no lesson "{{lesson}}"; its lessons are {{known}}.', 'zh-CN': '课程包“{{pack}}”中没有课程“{{lesson}}”；它的课程有 {{known}}。' },
  'pack.builtinId': { en: '{{label}}: the pack id "{{id}}" belongs to a built-in pack; give the imported pack another id in its pack.json.', 'zh-CN': '{{label}}：课程包 ID“{{id}}”属于内置课程包；请在导入包的 pack.json 中换一个 ID。' },
  'pack.builtinRemove': { en: '"{{pack}}" is built in and cannot be removed.', 'zh-CN': '“{{pack}}”是内置课程包，不能删除。' },
  'zip.tooLarge': { en: '{{label}}: the zip is too large ({{bytes}} bytes; the limit is {{limit}}).', 'zh-CN': '{{label}}：zip 文件过大（{{bytes}} 字节；上限为 {{limit}}）。' },
  'zip.unreadable': { en: '{{label}}: not a readable zip ({{why}}).', 'zh-CN': '{{label}}：不是可读取的 zip 文件（{{why}}）。' },
  'zip.why.noEnd': { en: 'no end-of-directory record', 'zh-CN': '没有目录结束记录' },
  'zip.why.outside': { en: 'its directory lies outside the file', 'zh-CN': '其目录位于文件之外' },
  'zip.why.short': { en: 'it is only {{bytes}} bytes long', 'zh-CN': '它只有 {{bytes}} 字节' },
  'zip.why.damagedRecord': { en: 'directory record {{index}} of {{count}} is damaged', 'zh-CN': '目录记录 {{index}}/{{count}} 已损坏' },
  'zip.why.longDirectory': { en: 'its directory is {{extra}} bytes longer than its {{count}} records', 'zh-CN': '其目录比 {{count}} 条记录多出 {{extra}} 字节' },
  'zip.multiDisk': { en: '{{label}}: the zip spans several disks; a lesson pack must be one file.', 'zh-CN': '{{label}}：该 zip 跨越多个分卷；课程包必须是单个文件。' },
  'zip.zip64': { en: '{{label}}: the zip uses the ZIP64 format, which no lesson pack needs; save it as an ordinary zip.', 'zh-CN': '{{label}}：该 zip 使用 ZIP64 格式，课程包用不到它；请另存为普通 zip。' },
  'zip.tooManyEntries': { en: '{{label}}: the zip has more than {{max}} entries.', 'zh-CN': '{{label}}：zip 的条目超过 {{max}} 个。' },
  'zip.encrypted': { en: '{{label}}: entry "{{name}}" is encrypted; a lesson pack cannot be.', 'zh-CN': '{{label}}：条目“{{name}}”已加密；课程包不能加密。' },
  'zip.method': { en: '{{label}}: entry "{{name}}" uses compression method {{method}}; only stored and deflated entries can be read.', 'zh-CN': '{{label}}：条目“{{name}}”使用压缩方法 {{method}}；只能读取未压缩（stored）和 deflate 压缩的条目。' },
  'zip.disagrees': { en: '{{label}}: entry "{{name}}" has a local header that disagrees with the zip\'s directory ({{what}}); refusing the whole zip.', 'zh-CN': '{{label}}：条目“{{name}}”的本地文件头与 zip 目录不一致（{{what}}）；拒绝整个 zip。' },
  'zip.overlap': { en: '{{label}}: entries "{{first}}" and "{{second}}" overlap; refusing the whole zip.', 'zh-CN': '{{label}}：条目“{{first}}”和“{{second}}”相互重叠；拒绝整个 zip。' },
  'zip.hidden': { en: '{{label}}: the zip hides {{entries}} that its directory does not list; refusing it.', 'zh-CN': '{{label}}：该 zip 藏有{{entries}}目录中未列出的条目；拒绝接受。' },
  'zip.entries.one': { en: '{{count}} entry', 'zh-CN': ' {{count}} 个' },
  'zip.entries.other': { en: '{{count}} entries', 'zh-CN': ' {{count}} 个' },
  'zip.unsafeName': { en: '{{label}}: entry "{{name}}" {{why}}; refusing the whole zip.', 'zh-CN': '{{label}}：条目“{{name}}”{{why}}；拒绝整个 zip。' },
  'zip.unsafe.backslash': { en: 'uses "\\" (expected "/" separators)', 'zh-CN': '使用了“\\”（应使用“/”作分隔符）' },
  'zip.unsafe.absolute': { en: 'is an absolute path', 'zh-CN': '是绝对路径' },
  'zip.unsafe.parent': { en: 'leaves the pack ("..")', 'zh-CN': '跳出了课程包（“..”）' },
  'zip.unsafe.nul': { en: 'contains a NUL character', 'zh-CN': '包含 NUL 字符' },
  'zip.unsafe.deep': { en: 'is nested deeper than {{max}} folders', 'zh-CN': '嵌套超过 {{max}} 层文件夹' },
  'zip.unsafe.longName': { en: 'has a folder or file name longer than {{max}} bytes', 'zh-CN': '含有超过 {{max}} 字节的文件夹或文件名' },
  'zip.duplicate': { en: '{{label}}: entry "{{name}}" appears twice.', 'zh-CN': '{{label}}：条目“{{name}}”出现了两次。' },
  'zip.fileAndFolder': { en: '{{label}}: entry "{{name}}" is a file, and entry "{{inside}}" puts a file inside it as if it were a folder; refusing the whole zip.', 'zh-CN': '{{label}}：条目“{{name}}”是一个文件，而条目“{{inside}}”把它当作文件夹、在其中放了文件；拒绝整个 zip。' },
  'zip.bombEntry': { en: '{{label}}: entry "{{name}}" would expand to {{bytes}} bytes (the limit is {{limit}}); refusing a possible zip bomb.', 'zh-CN': '{{label}}：条目“{{name}}”解压后将达 {{bytes}} 字节（上限为 {{limit}}）；拒绝可能的 zip 炸弹。' },
  'zip.bombTotal': { en: '{{label}}: the zip would expand to more than {{limit}} bytes; refusing a possible zip bomb.', 'zh-CN': '{{label}}：该 zip 解压后将超过 {{limit}} 字节；拒绝可能的 zip 炸弹。' },
  'zip.bombInflate': { en: '{{label}}: entry "{{name}}" expands beyond {{limit}} bytes; refusing a possible zip bomb.', 'zh-CN': '{{label}}：条目“{{name}}”解压后超过 {{limit}} 字节；拒绝可能的 zip 炸弹。' },
  'zip.corruptSize': { en: '{{label}}: entry "{{name}}" is corrupt (it holds {{bytes}} bytes; the zip\'s directory says {{declared}}).', 'zh-CN': '{{label}}：条目“{{name}}”已损坏（实际 {{bytes}} 字节；zip 目录记载为 {{declared}}）。' },
  'zip.corruptCrc': { en: '{{label}}: entry "{{name}}" is corrupt (its checksum does not match).', 'zh-CN': '{{label}}：条目“{{name}}”已损坏（校验和不匹配）。' },
  'zip.corrupt': { en: '{{label}}: entry "{{name}}" is corrupt ({{detail}}).', 'zh-CN': '{{label}}：条目“{{name}}”已损坏（{{detail}}）。' },

  // Submissions and grading.
  'submission.otherPack': { en: 'packId: this submission is for the pack "{{pack}}", not "{{expected}}", which graded these files: grade it with "{{pack}}" (in Class results, install that pack: a file of an installed pack is graded with its own).', 'zh-CN': 'packId：此提交文件属于课程包“{{pack}}”，而本次评分用的是“{{expected}}”：请用“{{pack}}”为它评分（在班级成绩中，安装该课程包即可：已安装课程包的文件会用它自己的课程包评分）。' },
  'submission.unknownLesson': { en: 'lessonId: the pack "{{pack}}" has no lesson "{{lesson}}" (it has {{known}}).', 'zh-CN': 'lessonId：课程包“{{pack}}”中没有课程“{{lesson}}”（它有 {{known}}）。' },
  'submission.tooMany': { en: 'More than {{max}} submission files under {{dir}}.', 'zh-CN': '{{dir}} 下的提交文件超过 {{max}} 个。' },

  // Runs, grading and their budgets (src/main/workers).
  'job.alreadyRunning': { en: 'A run with id "{{id}}" is already going.', 'zh-CN': 'ID 为“{{id}}”的运行已在进行。' },
  'job.classAlreadyRunning': { en: 'A class grading with id "{{id}}" is already going.', 'zh-CN': 'ID 为“{{id}}”的班级评分已在进行。' },
  'job.cancelled': { en: 'The {{what}} was cancelled.', 'zh-CN': '{{what}}已取消。' },
  'job.cancelledBeforeStart': { en: 'Cancelled before it started.', 'zh-CN': '在开始前已取消。' },
  'job.cancelledInQueue': { en: 'Cancelled while waiting for another run to finish.', 'zh-CN': '在等待其他运行结束时已取消。' },
  'job.wallClock': { en: "The {{what}} took longer than {{seconds}} s, its time limit; reduce the request rate or the run's duration.", 'zh-CN': '{{what}}超过了 {{seconds}} 秒的时间上限；请降低请求速率或缩短运行时长。' },
  'job.memory': { en: "The {{what}} needed more than {{mb}} MB of memory; reduce the request rate or the run's duration.", 'zh-CN': '{{what}}需要超过 {{mb}} MB 内存；请降低请求速率或缩短运行时长。' },
  'job.stopped': { en: 'The {{what}} stopped unexpectedly (exit code {{code}}).', 'zh-CN': '{{what}}意外停止（退出码 {{code}}）。' },
  'sim.eventBudget': { en: "This design generates more than {{max}} events; reduce the request rate or the run's duration.", 'zh-CN': '这个设计产生的事件超过 {{max}} 个；请降低请求速率或缩短运行时长。' },
  'steps.tooMany': { en: 'too many events at this instant', 'zh-CN': '此刻的事件过多' },
  'sim.cannotSimulate': { en: 'The graph cannot be simulated:', 'zh-CN': '无法模拟这个设计图：' },
  'sim.scenarioInvalid': { en: 'The scenario cannot be simulated:', 'zh-CN': '无法模拟这个场景：' },
  'trace.noFault': { en: 'faultIndex: the scenario has no fault number {{number}}.', 'zh-CN': 'faultIndex：场景中没有第 {{number}} 个故障。' },
  'trace.noEdge': { en: 'edge: the design has no connection "{{edge}}".', 'zh-CN': 'edge：设计中没有连接“{{edge}}”。' },

  // Class results (the grades CSV, read in the renderer).
  'csv.tooLarge': { en: '{{source}} is too large ({{chars}} characters; the limit is {{limit}}).', 'zh-CN': '{{source}}过大（{{chars}} 个字符；上限为 {{limit}}）。' },
  'csv.empty': { en: '{{source}} is empty: expected a header line and one line per submission.', 'zh-CN': '{{source}}是空的：应有一行表头，每份提交一行。' },
  'csv.tooManyRows': { en: '{{source}} has {{rows}} rows; at most {{max}}.', 'zh-CN': '{{source}}有 {{rows}} 行；最多 {{max}} 行。' },
  'csv.atLine': { en: '{{source}}, line {{line}}: {{detail}}', 'zh-CN': '{{source}}，第 {{line}} 行：{{detail}}' },
  'csv.atCell': { en: '{{source}}, line {{line}}, column {{column}}: {{detail}}', 'zh-CN': '{{source}}，第 {{line}} 行，第 {{column}} 列：{{detail}}' },
  'csv.syntax': { en: '{{detail}}.', 'zh-CN': '{{detail}}。' },
  'studio.noDraft': { en: 'There is no draft pack "{{id}}" in the studio.', 'zh-CN': '工作室中没有草稿课程包“{{id}}”。' },
  'studio.builtinId': { en: '"{{id}}" is the built-in pack\'s id; give the new pack another id.', 'zh-CN': '“{{id}}”是内置课程包的 ID；请给新课程包换一个 ID。' },
  'studio.draftExists': { en: 'A draft pack "{{id}}" exists already; open it or pick another id.', 'zh-CN': '草稿课程包“{{id}}”已存在；请打开它或换一个 ID。' },
  'studio.verifyBusy': { en: 'A verification with id "{{id}}" is already going.', 'zh-CN': 'ID 为“{{id}}”的验证已在进行中。' },
  'studio.noLesson': { en: 'The draft "{{id}}" has no lesson {{number}}.', 'zh-CN': '草稿“{{id}}”中没有第 {{number}} 课。' },
  'studio.draftDoesNotLoad': { en: 'The draft "{{id}}" in the data folder does not load:', 'zh-CN': '数据文件夹中的草稿“{{id}}”无法加载：' },
  'studio.cannotExportProblems': { en: 'The pack cannot be exported yet:', 'zh-CN': '课程包暂时还不能导出：' },
  'studio.lessonIncompleteProblems': { en: 'Lesson {{number}} is not complete yet:', 'zh-CN': '第 {{number}} 课还不完整：' },
  'studio.zipTooLarge': { en: 'The pack zip would be too large ({{bytes}} bytes).', 'zh-CN': '课程包 zip 会过大（{{bytes}} 字节）。' },
  'noun.draft': { en: 'draft "{{id}}"', 'zh-CN': '草稿“{{id}}”' },
  // A pack source that is no folder or file the user named, as the validator's sentences name it ("no pack.json in …", "…: the lesson pack has problems:").
  'source.draft': { en: 'the draft "{{id}}"', 'zh-CN': '草稿“{{id}}”' },
  'source.installedPack': { en: 'the installed pack "{{id}}"', 'zh-CN': '已安装的课程包“{{id}}”' },
  'csv.notGrades': { en: 'this is not a grades CSV from "npm run grade": the header must start with {{expected}}; it starts with {{found}}.', 'zh-CN': '这不是“npm run grade”生成的成绩 CSV：表头应以 {{expected}} 开头；实际以 {{found}} 开头。' },
  'csv.tooManyColumns': { en: '{{count}} check columns; at most {{max}}.', 'zh-CN': '{{count}} 个检查列；最多 {{max}} 个。' },
  'csv.badCheckColumn': { en: 'expected a check column "lesson/check", found {{found}}.', 'zh-CN': '应为“课程/检查”形式的检查列，实际为 {{found}}。' },
  'csv.otherHeader': { en: "a header that differs from line 1's; were these shards graded with different packs?", 'zh-CN': '表头与第 1 行不同；这些分片是用不同的课程包评分的吗？' },
  'csv.cellCount': { en: 'expected {{expected}} cells, as in the header; found {{found}}.', 'zh-CN': '应与表头一样有 {{expected}} 个单元格；实际有 {{found}} 个。' },
  'csv.badCell': { en: '{{detail}}.', 'zh-CN': '{{detail}}。' },
  'csv.badPoints': { en: 'expected a whole number of points or a blank cell, found {{found}}.', 'zh-CN': '应为整数分数或空单元格，实际为 {{found}}。' },
} as const satisfies Record<string, Template>;

export type ErrorKey = keyof typeof ERROR_TEXTS;
export type ErrorMessage = Message<ErrorKey>;
export type ErrorParams = Readonly<Record<string, MessageParam<ErrorKey>>>;

/** A message of this table: `errorMessage('job.cancelled', { what: errorMessage('noun.run') })`. */
export const errorMessage = (key: ErrorKey, params?: ErrorParams): ErrorMessage => (params === undefined ? { key } : { key, params });

/** Both tables: a pack problem (PACK_TEXTS) may hold an error (a file that is not JSON), and an error may list pack problems. */
const MESSAGE_TEXTS: Readonly<Record<string, Template>> = { ...ERROR_TEXTS, ...PACK_TEXTS };

/** A message of ERROR_TEXTS or PACK_TEXTS in a locale (English for an unknown locale; the key itself for an unknown key). */
export const messageText = (message: Message, locale: string): string => fillMessage(MESSAGE_TEXTS, withWrittenNumbers(message, locale), locale);

/** Whether every key of a message (nested ones too) is one this app has. */
export function isKnownMessage(message: Message): boolean {
  if (!Object.hasOwn(MESSAGE_TEXTS, message.key)) return false;
  return Object.values(message.params ?? {}).every((v) => typeof v !== 'object' || isKnownMessage(v));
}

/** What a pack problem says, in a locale: its message from PACK_TEXTS, else (a key this app lacks) its English. */
export const packProblemText = (problem: { message: string; text?: Message }, locale: string): string =>
  problem.text !== undefined && isKnownMessage(problem.text) ? messageText(problem.text, locale) : problem.message;

/** One schema or pack problem in a locale: "where: what", a keyed pack problem in its words. */
export function problemLine(issue: Issue, locale: string): string {
  if (issue.text !== undefined && isKnownMessage(issue.text)) return `${issuePlace(issue.path, locale)}${labelColon(locale)}${packProblemText(issue, locale)}`;
  return issueText(issue, locale);
}

/** The message in a locale, its schema problems one per line below it. */
export function errorTextIn(text: ErrorMessage, issues: readonly Issue[] | undefined, locale: string): string {
  const head = fillMessage(ERROR_TEXTS, text, locale);
  return issues && issues.length > 0 ? [head, ...issues.map((issue) => (locale === 'en' ? issueText(issue, locale) : problemLine(issue, locale)))].join('\n') : head;
}

/** The English sentence: what the CLI prints and the log keeps. */
export const englishError = (text: ErrorMessage, issues?: readonly Issue[]): string => errorTextIn(text, issues, 'en');

/** An error as the student reads it: its key in their language, or the English message for an error without one. */
export function errorText(error: { message: string; key?: string; params?: ErrorParams; issues?: readonly Issue[] }, locale: string): string {
  if (error.key === undefined || !Object.hasOwn(ERROR_TEXTS, error.key)) return error.message;
  return errorTextIn({ key: error.key as ErrorKey, ...(error.params ? { params: error.params } : {}) }, error.issues, locale);
}
