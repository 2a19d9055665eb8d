/**
 * What the pack validator says about a pack, defined once per language: every problem it finds is
 * a key of this table with its parameters (`Problem.text`), and its English sentence (`message`,
 * what `npm run pack:validate` prints) is made from the same entry; the studio's problem list and
 * a refused pack's error show it in the app's language. A parameter may be a message of this table
 * or of ERROR_TEXTS (a file that is not JSON, a window that names no fault). zod's own issues are
 * worded here from their code (a closed set) and data, not from zod's English.
 * A key without its zh-CN sentence does not compile, and tests/unit/i18n/resources.test.ts checks
 * each zh-CN sentence is Chinese with the same placeholders.
 */
import type { ErrorKey } from './errorTexts';
import type { ZodIssueData } from './issues';
import { fillMessage, type Message, type MessageParam, type Template } from './messages';
import { formatWrittenNumber } from './numbers';
import { SETTING_TEXTS } from './settingWords';

export const PACK_TEXTS = {
  // Reading the pack's files (src/main/packs/validate.ts).
  'problem.asIs': { en: '{{detail}}', 'zh-CN': '{{detail}}' },
  'problem.tooLarge': { en: 'The file is too large ({{bytes}} bytes; the limit is {{limit}}).', 'zh-CN': '文件过大（{{bytes}} 字节；上限为 {{limit}}）。' },
  'problem.tooDeep': { en: 'nested more than {{max}} levels deep', 'zh-CN': '嵌套超过 {{max}} 层' },
  'problem.noManifest': { en: 'no pack.json in {{label}}: not a lesson pack', 'zh-CN': '{{label}} 中没有 pack.json：这不是课程包' },
  'problem.needsNewerApp': { en: 'the pack needs StateLab {{needed}} or newer; this is {{version}}', 'zh-CN': '此课程包需要 StateLab {{needed}} 或更新版本；当前为 {{version}}' },
  'problem.noLessonFile': { en: 'no file "{{file}}" in the pack', 'zh-CN': '课程包中没有文件“{{file}}”' },
  'problem.starterMissing': { en: 'the starter graph "{{file}}" is missing from the pack', 'zh-CN': '课程包中缺少初始设计图“{{file}}”' },
  'problem.referenceMissing': { en: 'the reference graph "{{file}}" is missing from the pack', 'zh-CN': '课程包中缺少参考设计图“{{file}}”' },
  'problem.duplicateLesson': { en: 'duplicate lesson id "{{id}}" (also in {{other}})', 'zh-CN': '课程 ID“{{id}}”重复（{{other}} 中也有）' },

  // A lesson against its own graphs and scenario (crossRefs.ts).
  'problem.unknownNode': { en: 'unknown node "{{id}}": expected a node of the starter or reference graph ({{known}})', 'zh-CN': '未知节点“{{id}}”：应为初始设计图或参考设计图中的节点（{{known}}）' },
  'problem.unknownNodeOrEdge': { en: 'unknown node or edge "{{id}}": expected a node or an edge of the starter or reference graph ({{known}})', 'zh-CN': '未知节点或连线“{{id}}”：应为初始设计图或参考设计图中的节点或连线（{{known}}）' },
  'problem.faultWrongKind': { en: '{{action}} applies to {{kinds}} nodes; "{{id}}" is a {{found}}', 'zh-CN': '{{action}} 只作用于 {{kinds}} 节点；“{{id}}”是 {{found}}' },
  'problem.faultSelectorKind': { en: '{{action}} applies to {{kinds}} nodes; "{{id}}" picks a {{found}}', 'zh-CN': '{{action}} 只作用于 {{kinds}} 节点；“{{id}}”选中的是 {{found}}' },
  'problem.rawHtml': { en: 'raw HTML is not allowed in Markdown steps', 'zh-CN': 'Markdown 步骤中不允许使用原始 HTML' },
  'problem.unknownGlossary': { en: 'unknown glossary term "{{id}}" in a glossary: link: expected one of {{known}}', 'zh-CN': 'glossary: 链接中的术语“{{id}}”不在术语表中：应为 {{known}} 之一' },
  'problem.lockedPropsUnknown': { en: 'lesson "{{lesson}}" locks props of unknown node "{{id}}": expected a node of the starter graph', 'zh-CN': '课程“{{lesson}}”锁定了未知节点“{{id}}”的设置：应为初始设计图中的节点' },
  'problem.wrongAnswer': { en: 'wrong answer "{{wrong}}" of lesson "{{lesson}}": {{detail}}', 'zh-CN': '课程“{{lesson}}”的常见错误答案“{{wrong}}”：{{detail}}' },
  'problem.wrongAnswerLocked': { en: 'wrong answer "{{wrong}}" of lesson "{{lesson}}": edits locked node "{{id}}", which grading restores to the starter\'s', 'zh-CN': '课程“{{lesson}}”的常见错误答案“{{wrong}}”：改动了锁定节点“{{id}}”，而评分会把它恢复为初始设计' },
  'problem.wrongAnswerFree': {
    en: 'wrong answer "{{wrong}}" of lesson "{{lesson}}" fails only checks worth 0 points ({{checks}}), so it would score full marks: it must fail at least one check (not a quiz) worth points',
    'zh-CN': '课程“{{lesson}}”的常见错误答案“{{wrong}}”只会在 0 分的检查项（{{checks}}）上失败，因而能拿满分：它必须至少在一个计分的检查项（非测验）上失败',
  },
  // An edit of the starter (shared/graphEdit.ts), inside problem.wrongAnswer.
  'edit.unknownEdge': { en: 'unknown edge "{{id}}": expected an edge of the starter graph', 'zh-CN': '未知连线“{{id}}”：应为初始设计图中的连线' },
  'edit.unknownNode': { en: 'unknown node "{{id}}": expected a node of the starter graph ({{known}})', 'zh-CN': '未知节点“{{id}}”：应为初始设计图中的节点（{{known}}）' },
  'edit.nodeExists': { en: 'node "{{id}}" already exists', 'zh-CN': '节点“{{id}}”已存在' },
  'edit.edgeExists': { en: 'edge "{{id}}" already exists', 'zh-CN': '连线“{{id}}”已存在' },
  'edit.unknownEditedNode': { en: 'unknown node "{{id}}": expected a node of the edited graph ({{known}})', 'zh-CN': '未知节点“{{id}}”：应为修改后设计图中的节点（{{known}}）' },
  // A check's or prediction's window (shared/runWindow.ts).
  'window.badAnchor': { en: '"{{anchor}}" is not "start", "end" or "fault:<id>"', 'zh-CN': '“{{anchor}}”不是“start”“end”或“fault:<id>”' },
  'window.unknownFault': { en: 'window names fault "{{id}}", which the scenario does not schedule (its faults: {{known}})', 'zh-CN': '时间窗口引用了故障“{{id}}”，但场景中没有安排它（场景中的故障：{{known}}）' },
  'window.empty': { en: 'the window is empty (from {{fromMs}} ms to {{toMs}} ms of a {{durationMs}} ms run)', 'zh-CN': '时间窗口为空（在 {{durationMs}} 毫秒的运行中从 {{fromMs}} 毫秒到 {{toMs}} 毫秒）' },

  // The instructor layer and variants (instructorRefs.ts).
  'problem.prereqSelf': { en: 'lesson "{{lesson}}" names itself as a prerequisite', 'zh-CN': '课程“{{lesson}}”把自己列为先修课程' },
  'problem.prereqUnknown': { en: 'unknown lesson "{{id}}" in the prerequisites of lesson "{{lesson}}": expected one of {{known}}', 'zh-CN': '课程“{{lesson}}”的先修课程中有未知课程“{{id}}”：应为 {{known}} 之一' },
  'problem.prereqCircle': { en: 'lesson "{{lesson}}": the prerequisites go round in a circle ({{circle}})', 'zh-CN': '课程“{{lesson}}”：先修课程形成了循环（{{circle}}）' },
  'problem.missingLocale': { en: 'lesson "{{lesson}}": {{path}} has no {{locale}} text (the pack lists the locales {{locales}})', 'zh-CN': '课程“{{lesson}}”：{{path}}缺少 {{locale}} 文本（课程包列出的语言为 {{locales}}）' },
  'problem.variantNoNode': { en: 'lesson "{{lesson}}": {{path}} names no node by its id: a range sets a setting of one node of the starter, named by its id', 'zh-CN': '课程“{{lesson}}”：{{path}}没有按 ID 指定节点：取值范围只能设置初始设计中按 ID 指定的某个节点的设置' },
  'problem.variantNotLocked': { en: 'lesson "{{lesson}}": {{path}} sets node "{{node}}", which the lesson does not lock: grading could not hold the student\'s value', 'zh-CN': '课程“{{lesson}}”：{{path}}设置的节点“{{node}}”没有被课程锁定：评分无法保持学生的数值' },
  'problem.variantNotNumber': { en: 'lesson "{{lesson}}": {{path}} is no number a range can set: {{detail}}', 'zh-CN': '课程“{{lesson}}”：{{path}}不是取值范围可以设置的数字：{{detail}}' },
  'problem.variantScenario': { en: 'lesson "{{lesson}}": at every parameter\'s {{end}} the scenario is invalid: {{where}}: {{detail}}', 'zh-CN': '课程“{{lesson}}”：所有参数取{{end}}时场景无效：{{where}}：{{detail}}' },
  'problem.variantWindow': { en: 'lesson "{{lesson}}": at every variant parameter\'s {{end}}, {{detail}}', 'zh-CN': '课程“{{lesson}}”：所有变体参数取{{end}}时，{{detail}}' },
  'problem.variantNode': { en: 'lesson "{{lesson}}": at every parameter\'s {{end}}, the {{graph}}\'s node "{{node}}" is invalid: {{where}}: {{detail}}', 'zh-CN': '课程“{{lesson}}”：所有参数取{{end}}时，{{graph}}中的节点“{{node}}”无效：{{where}}：{{detail}}' },
  // Why a variant's path leads to no number (shared/variants.ts), inside problem.variantNotNumber.
  'variantPath.notObject': { en: '{{at}} is not an object', 'zh-CN': '{{at}}不是对象' },
  'variantPath.notSet': { en: '{{at}} is not set: a variant can only change an existing number', 'zh-CN': '{{at}}没有设置：变体只能修改已有的数字' },
  'variantPath.notNumber': { en: '{{at}} is not a number: a variant can only change an existing number', 'zh-CN': '{{at}}不是数字：变体只能修改已有的数字' },
  'variantPath.notList': { en: '{{at}} is not a list', 'zh-CN': '{{at}}不是列表' },
  'variantPath.missing': { en: '{{at}} does not exist', 'zh-CN': '{{at}}不存在' },
  'variantPath.notNumberField': { en: '{{at}} is not a number field', 'zh-CN': '{{at}}不是数字字段' },
  'variantPath.noField': { en: '{{at}} names no field', 'zh-CN': '{{at}}没有指定字段' },

  // Node names (nodeNameRefs.ts).
  'problem.nameUnknownNode': { en: 'lesson "{{lesson}}" names unknown node "{{id}}": expected a node of its starter, reference or wrong answers ({{known}})', 'zh-CN': '课程“{{lesson}}”为未知节点“{{id}}”命名：应为其初始设计、参考设计或常见错误答案中的节点（{{known}}）' },
  'problem.nameMismatch': { en: 'lesson "{{lesson}}": the English name of node "{{id}}" is "{{name}}" but {{where}} labels it "{{label}}": they must be the same', 'zh-CN': '课程“{{lesson}}”：节点“{{id}}”的英文名称是“{{name}}”，但{{where}}中它的标签是“{{label}}”：两者必须相同' },
  'problem.nameMissingLocale': { en: 'lesson "{{lesson}}": node "{{id}}" has no {{locale}} name (the pack lists the locales {{locales}})', 'zh-CN': '课程“{{lesson}}”：节点“{{id}}”缺少 {{locale}} 名称（课程包列出的语言为 {{locales}}）' },

  // What `pack:validate --run` proves by grading (src/main/packs/solutions.ts); {{which}} is empty or a variant.
  // {{which}}: a sampled student's variant, its values by the lesson's English labels (the CLI's language).
  'run.variantOf': { en: ' (variant of "{{student}}": {{values}})', 'zh-CN': '（学生“{{student}}”的变体：{{values}}）' },
  // {{detail}} of a check that went the wrong way: what it measured, and the bound it has.
  'run.measured': { en: 'measured {{value}}', 'zh-CN': '测得 {{value}}' },
  'run.nothingMeasured': { en: 'nothing measured', 'zh-CN': '没有测到数据' },
  'run.expected': { en: '{{measured}}, expected {{bound}}', 'zh-CN': '{{measured}}，要求 {{bound}}' },
  'run.bound': { en: '{{measured}}, bound {{bound}}', 'zh-CN': '{{measured}}，界限为 {{bound}}' },
  'run.checkError': { en: '{{detail}}: {{error}}', 'zh-CN': '{{detail}}；出错：{{error}}' },
  'run.noReference': { en: 'a lesson with checks needs a reference solution that passes them', 'zh-CN': '有检查项的课程需要一个能通过它们的参考答案' },
  'run.starterPasses': { en: 'the starter already passes every check{{which}}: there is nothing for the student to do', 'zh-CN': '初始设计已经通过了所有检查项{{which}}：学生无事可做' },
  'run.referenceFails': { en: 'the reference solution fails check "{{check}}"{{which}} ({{detail}})', 'zh-CN': '参考答案未通过检查项“{{check}}”{{which}}（{{detail}}）' },
  'run.gradingFailed': { en: 'grading failed{{which}}: {{detail}}', 'zh-CN': '评分失败{{which}}：{{detail}}' },
  'run.wrongPasses': { en: 'the wrong answer "{{wrong}}" passes check "{{check}}", which it must fail ({{detail}})', 'zh-CN': '常见错误答案“{{wrong}}”通过了它本应失败的检查项“{{check}}”（{{detail}}）' },
  'run.wrongFailed': { en: 'grading the wrong answer "{{wrong}}" failed: {{detail}}', 'zh-CN': '为常见错误答案“{{wrong}}”评分失败：{{detail}}' },
  'run.servesNobodyMetric': {
    en: 'check "{{check}}" gives {{points}} point(s) to a design that serves nobody (the reference with the users\' connections cut; measured {{measured}}): set "requireServed": true, or make it an observation worth 0 points',
    'zh-CN': '检查项“{{check}}”给一个不服务任何人的设计（切断用户连线后的参考答案；测得 {{measured}}）{{points}} 分：请设置 "requireServed": true，或把它改成 0 分的观察项',
  },
  'run.servesNobodyStructure': {
    en: 'check "{{check}}" gives {{points}} point(s) to a design that serves nobody (the reference with the users\' connections cut): require a path from the users (a client), or make it an observation worth 0 points',
    'zh-CN': '检查项“{{check}}”给一个不服务任何人的设计（切断用户连线后的参考答案）{{points}} 分：请要求一条从用户（客户端）出发的路径，或把它改成 0 分的观察项',
  },
  'run.cutFailed': { en: "grading the reference with the users' connections cut failed: {{detail}}", 'zh-CN': '为切断用户连线后的参考答案评分失败：{{detail}}' },
  'run.knobsFree': {
    en: 'the reference with every setting the student may change at its minimum (detectors, timeouts, leases, capacity) passes every check: no check charges for the price of a knob turned to its extreme',
    'zh-CN': '把学生可改的每项设置（检测、超时、租约、容量）都调到最小后，参考答案仍通过所有检查项：没有任何检查项体现把设置调到极端的代价',
  },
  'run.knobsFailed': { en: 'grading the reference with every setting at its minimum failed: {{detail}}', 'zh-CN': '为所有设置取最小值的参考答案评分失败：{{detail}}' },

  // A field named in words inside a sentence (fieldWords.ts), as the studio labels it; the JSON path stays beside the sentence.
  'field.join': { en: '{{a}} › {{b}}', 'zh-CN': '{{a}} › {{b}}' },
  'field.whole': { en: 'the whole document', 'zh-CN': '整个文档' },
  'field.key': { en: '“{{key}}”', 'zh-CN': '“{{key}}”' },
  'field.item': { en: 'item {{n}}', 'zh-CN': '第 {{n}} 项' },
  'field.prediction': { en: 'Prediction {{n}}', 'zh-CN': '预测 {{n}}' },
  'field.predictionNamed': { en: 'Prediction “{{id}}”', 'zh-CN': '预测“{{id}}”' },
  'field.choice': { en: 'Choice {{n}}', 'zh-CN': '选项 {{n}}' },
  'field.choiceNamed': { en: 'Choice “{{id}}”', 'zh-CN': '选项“{{id}}”' },
  'field.check': { en: 'Check {{n}}', 'zh-CN': '检查项 {{n}}' },
  'field.checkNamed': { en: 'Check “{{id}}”', 'zh-CN': '检查项“{{id}}”' },
  'field.step': { en: 'Step {{n}}', 'zh-CN': '第 {{n}} 步' },
  'field.objective': { en: 'Objective {{n}}', 'zh-CN': '学习目标 {{n}}' },
  'field.fault': { en: 'Fault {{n}}', 'zh-CN': '故障 {{n}}' },
  'field.faultNamed': { en: 'Fault “{{id}}”', 'zh-CN': '故障“{{id}}”' },
  'field.range': { en: 'Per-student range {{n}}', 'zh-CN': '每个学生的取值范围 {{n}}' },
  'field.rangeNamed': { en: 'Per-student range “{{id}}”', 'zh-CN': '每个学生的取值范围“{{id}}”' },
  'field.node': { en: 'Node “{{id}}”', 'zh-CN': '节点“{{id}}”' },
  'field.nodeNumber': { en: 'Node {{n}}', 'zh-CN': '节点 {{n}}' },
  'field.wrongAnswer': { en: 'Wrong answer {{n}}', 'zh-CN': '常见错误答案 {{n}}' },
  'field.wrongAnswerNamed': { en: 'Wrong answer “{{id}}”', 'zh-CN': '常见错误答案“{{id}}”' },
  'field.scenario': { en: 'Scenario', 'zh-CN': '场景' },
  'field.starter': { en: 'Starter', 'zh-CN': '初始设计' },
  'field.reference': { en: 'Reference', 'zh-CN': '参考答案' },
  'field.debrief': { en: 'Debrief', 'zh-CN': '课后总结' },
  'field.instructorNotes': { en: 'Instructor notes', 'zh-CN': '教师备注' },
  'field.notesSection': { en: 'Course notes section', 'zh-CN': '课程讲义章节' },
  'field.title': { en: 'Title', 'zh-CN': '标题' },
  'field.summary': { en: 'Summary', 'zh-CN': '摘要' },
  'field.question': { en: 'Question', 'zh-CN': '问题' },
  'field.rangeLabel': { en: 'What the student sees it called', 'zh-CN': '学生看到的名称' },
  'field.time': { en: 'Time', 'zh-CN': '时间' },
  'field.duration': { en: 'Duration', 'zh-CN': '持续时间' },
  'field.seed': { en: 'Seed', 'zh-CN': '种子' },
  'field.target': { en: 'Target', 'zh-CN': '目标' },
  'field.window': { en: 'Window', 'zh-CN': '时间窗口' },
  'field.feedback': { en: 'Feedback', 'zh-CN': '反馈' },
  'field.hint': { en: 'Hint', 'zh-CN': '提示' },
  'field.name': { en: 'Name', 'zh-CN': '名称' },
  'field.setting': { en: 'setting “{{key}}”', 'zh-CN': '设置“{{key}}”' },
  'field.param': { en: 'parameter “{{key}}”', 'zh-CN': '参数“{{key}}”' },
  // A node's setting by the properties panel's label, each level its own key (settingWords.ts): "Health check", "健康检查".
  ...SETTING_TEXTS,

  // Words inside the sentences above.
  'word.or': { en: '{{a}} or {{b}}', 'zh-CN': '{{a}}或{{b}}' },
  'word.none': { en: 'none', 'zh-CN': '无' },
  'word.starter': { en: 'starter', 'zh-CN': '初始设计' },
  // A range's end ({{end}} above), as the studio's range row labels it.
  'word.min': { en: 'min', 'zh-CN': '最小值' },
  'word.max': { en: 'max', 'zh-CN': '最大值' },
  'word.reference': { en: 'reference', 'zh-CN': '参考设计' },
  'word.wrongAnswer': { en: 'wrong answer "{{id}}"', 'zh-CN': '常见错误答案“{{id}}”' },

  // Problems our schemas word themselves (custom issues carry their message as `params.text`, issues.ts reads it back).
  // A new pack's one problem: zod's "too few items: at least 1" did not say that a lesson was what it lacked, nor how to add one.
  'own.noLessons': { en: 'the pack has no lesson yet: add one (in the studio, put its starter on the canvas and press “Add lesson”)', 'zh-CN': '课程包还没有课程：请添加一课（在工作室里，把初始设计放到画布上，然后点击“添加课程”）' },
  'own.relativePath': { en: 'expected a relative path inside the pack', 'zh-CN': '应为课程包内的相对路径' },
  'own.duplicateNode': { en: 'duplicate node id "{{id}}"', 'zh-CN': '节点 ID“{{id}}”重复' },
  'own.duplicateEdge': { en: 'duplicate edge id "{{id}}"', 'zh-CN': '连线 ID“{{id}}”重复' },
  'own.edgeNoNode': { en: 'no node with id "{{id}}"', 'zh-CN': '没有 ID 为“{{id}}”的节点' },
  'own.selfEdge': { en: 'an edge cannot connect a node to itself', 'zh-CN': '连线不能把节点连到它自己' },
  'own.duplicateFault': { en: 'duplicate fault id "{{id}}"', 'zh-CN': '故障 ID“{{id}}”重复' },
  'own.faultParam': { en: '"{{key}}" does not apply to {{action}}: {{accepted}}', 'zh-CN': '“{{key}}”不适用于 {{action}}：{{accepted}}' },
  'own.takesNothing': { en: '{{action}} takes no parameters', 'zh-CN': '{{action}} 不接受参数' },
  'own.takes': { en: '{{action}} takes {{params}}', 'zh-CN': '{{action}} 接受的参数为 {{params}}' },
  'own.duplicateCheck': { en: 'duplicate check id "{{id}}"', 'zh-CN': '检查项 ID“{{id}}”重复' },
  'own.duplicateWrong': { en: 'duplicate wrong answer id "{{id}}"', 'zh-CN': '常见错误答案 ID“{{id}}”重复' },
  'own.unknownCheck': { en: 'unknown check "{{id}}": expected one of {{known}}', 'zh-CN': '未知检查项“{{id}}”：应为 {{known}} 之一' },
  'own.duplicatePrediction': { en: 'duplicate id "{{id}}": a check or prediction already has it', 'zh-CN': 'ID“{{id}}”重复：已有检查项或预测使用了它' },
  'own.duplicateChoice': { en: 'duplicate choice id "{{id}}"', 'zh-CN': '选项 ID“{{id}}”重复' },
  'own.quizAnswer': { en: 'expected one of the choice ids ({{ids}}), found "{{found}}"', 'zh-CN': '应为选项 ID（{{ids}}）之一，实际为“{{found}}”' },
  'own.requireOrForbid': { en: 'expected "require", "forbid" or both', 'zh-CN': '应有“require”“forbid”或两者' },
  'own.highestOrLowest': { en: 'expected exactly one of "highest" or "lowest"', 'zh-CN': '“highest”和“lowest”应恰好有一个' },
  'own.nodeNamesMax': { en: 'expected at most {{max}} node names', 'zh-CN': '节点名称最多 {{max}} 个' },
  'own.variantMaxBelowMin': { en: 'expected max ({{max}}) to be at least min ({{min}})', 'zh-CN': 'max（{{max}}）应不小于 min（{{min}}）' },
  'own.variantSteps': { en: 'expected at most {{max}} steps between min and max', 'zh-CN': 'min 与 max 之间最多 {{max}} 步' },
  'own.duplicateParameter': { en: 'duplicate parameter id "{{id}}"', 'zh-CN': '参数 ID“{{id}}”重复' },

  // Our schemas' own words for a format or a shape (a regex's, a union's, an enum's error), registered by ownText.
  'own.id': { en: 'expected an id of letters, digits, "-", "_" or "."', 'zh-CN': '应为由字母、数字、“-”“_”或“.”组成的 ID' },
  'own.graphId': { en: 'expected an id of letters, digits, "-", "_", "." or ":"', 'zh-CN': '应为由字母、数字、“-”“_”“.”或“:”组成的 ID' },
  'own.variantId': { en: 'expected an id of letters, digits and "_"', 'zh-CN': '应为由字母、数字和“_”组成的 ID' },
  'own.packId': { en: 'expected lower-case letters, digits and "-"', 'zh-CN': '应为小写字母、数字和“-”' },
  'own.version': { en: 'expected a version like {{example}}', 'zh-CN': '应为形如 {{example}} 的版本号' },
  'own.anchor': { en: 'expected "start", "end" or "fault:<id>", optionally followed by +ms or -ms', 'zh-CN': '应为“start”“end”或“fault:<id>”，后面可加 +毫秒数或 -毫秒数' },
  'own.windowShape': { en: 'expected {from, to}, {before: "<fault id>"}, {during: "<fault id>"} or {after: "<fault id>"}', 'zh-CN': '应为 {from, to}、{before: "<fault id>"}、{during: "<fault id>"} 或 {after: "<fault id>"}（分别表示区间、故障前、故障期间、故障后）' },
  'own.predicateShape': { en: 'expected one predicate: {node}, {path}, {count}, {prop}, {anyOf}, {allOf} or {not}', 'zh-CN': '应为一个谓词：{node}、{path}、{count}、{prop}、{anyOf}、{allOf} 或 {not}' },
  'own.metricName': { en: 'expected a metric name', 'zh-CN': '应为指标名称' },
  'own.unknownMetric': { en: 'unknown metric "{{name}}": expected a metric of src/shared/metrics.ts', 'zh-CN': '未知指标“{{name}}”：应为 src/shared/metrics.ts 中的指标' },
  'own.unknownMetricClose': { en: 'unknown metric "{{name}}": expected a metric of src/shared/metrics.ts (did you mean "{{close}}"?)', 'zh-CN': '未知指标“{{name}}”：应为 src/shared/metrics.ts 中的指标（是不是“{{close}}”？）' },
  'own.blankName': { en: 'expected a name, not blank', 'zh-CN': '名称不能为空' },
  'own.timeoutMin': { en: 'must be at least 1 ms: a timeout of 0 would never fire', 'zh-CN': '至少为 1 毫秒：超时为 0 永远不会触发' },

  // zod's own issues, worded from their code and data (the set is closed: zod's $ZodIssue union).
  'schema.invalidType': { en: 'expected {{expected}}, found {{received}}', 'zh-CN': '应为{{expected}}，实际为{{received}}' },
  'schema.required': { en: 'required: expected {{expected}}', 'zh-CN': '缺少此项：应为{{expected}}' },
  'schema.tooBig.string': { en: 'too long: at most {{maximum}} characters', 'zh-CN': '过长：最多 {{maximum}} 个字符' },
  'schema.tooBig.array': { en: 'too many items: at most {{maximum}}', 'zh-CN': '条目过多：最多 {{maximum}} 个' },
  'schema.tooBig.number': { en: 'too large: at most {{maximum}}', 'zh-CN': '过大：最大为 {{maximum}}' },
  'schema.tooBig.numberBelow': { en: 'too large: expected less than {{maximum}}', 'zh-CN': '过大：应小于 {{maximum}}' },
  'schema.tooBig.other': { en: 'too big: at most {{maximum}}', 'zh-CN': '过大：最多 {{maximum}}' },
  'schema.tooSmall.string': { en: 'too short: at least {{minimum}} characters', 'zh-CN': '过短：至少 {{minimum}} 个字符' },
  'schema.tooSmall.array': { en: 'too few items: at least {{minimum}}', 'zh-CN': '条目过少：至少 {{minimum}} 个' },
  'schema.tooSmall.number': { en: 'too small: at least {{minimum}}', 'zh-CN': '过小：最小为 {{minimum}}' },
  'schema.tooSmall.numberAbove': { en: 'too small: expected more than {{minimum}}', 'zh-CN': '过小：应大于 {{minimum}}' },
  'schema.tooSmall.other': { en: 'too small: at least {{minimum}}', 'zh-CN': '过小：至少 {{minimum}}' },
  'schema.invalidValue': { en: 'expected one of {{values}}', 'zh-CN': '应为 {{values}} 之一' },
  'schema.invalidValueOne': { en: 'expected {{value}}', 'zh-CN': '应为 {{value}}' },
  'schema.unrecognizedKeys': { en: 'unknown fields: {{keys}}', 'zh-CN': '未知字段：{{keys}}' },
  'schema.invalidUnion': { en: 'matches none of the accepted shapes', 'zh-CN': '不符合任何一种可接受的格式' },
  'schema.invalidFormat': { en: 'not a valid {{format}}', 'zh-CN': '不是有效的 {{format}}' },
  'schema.invalidPattern': { en: 'does not match the expected pattern', 'zh-CN': '不符合要求的格式' },
  'schema.notMultipleOf': { en: 'expected a multiple of {{divisor}}', 'zh-CN': '应为 {{divisor}} 的倍数' },
  'schema.invalidKey': { en: 'has a key that is not allowed', 'zh-CN': '含有不允许的键' },
  'schema.invalidElement': { en: 'has an entry that is not allowed', 'zh-CN': '含有不允许的条目' },
  'schema.invalid': { en: 'invalid value', 'zh-CN': '值无效' },
  // The JavaScript types zod names (expected / found).
  'type.string': { en: 'a string', 'zh-CN': '字符串' },
  'type.number': { en: 'a number', 'zh-CN': '数字' },
  'type.int': { en: 'a whole number', 'zh-CN': '整数' },
  'type.boolean': { en: 'true or false', 'zh-CN': '布尔值' },
  'type.object': { en: 'an object', 'zh-CN': '对象' },
  'type.array': { en: 'a list', 'zh-CN': '列表' },
  'type.null': { en: 'null', 'zh-CN': '空值' },
  'type.undefined': { en: 'nothing', 'zh-CN': '空' },
  'type.nan': { en: 'NaN', 'zh-CN': '非数字（NaN）' },
  'type.record': { en: 'an object', 'zh-CN': '对象' },
} as const satisfies Record<string, Template>;

export type PackKey = keyof typeof PACK_TEXTS;
/** A message of this table, whose parameters may be messages of this table or of ERROR_TEXTS. */
export type PackMessage = Message<PackKey | ErrorKey>;
export type PackParams = Readonly<Record<string, MessageParam<PackKey | ErrorKey>>>;

export const packMessage = (key: PackKey, params?: PackParams): PackMessage => (params === undefined ? { key } : { key, params });

/** A message holding only this table's keys, in English (shared code without ERROR_TEXTS at hand: windows, variant paths). */
export const englishPackText = (message: Message): string => fillMessage(PACK_TEXTS, withWrittenNumbers(message, 'en'), 'en');

/**
 * A pack problem's numbers as its sentence shows them, grouped as the app writes numbers everywhere
 * ("at most 1,000,000", "最多 10,000 步"): the numeric parameters of this table's messages, nested
 * ones too, become text in `locale`. The studio and `pack:validate` fill through here, so both read
 * the same; an error's own message (ERROR_TEXTS) keeps its numbers as it has them.
 */
export function withWrittenNumbers<M extends Message>(message: M, locale: string): M {
  if (!message.params) return message;
  const isPack = Object.hasOwn(PACK_TEXTS, message.key);
  const params = Object.fromEntries(
    Object.entries(message.params).map(([name, value]) => [name, typeof value === 'object' ? withWrittenNumbers(value, locale) : isPack && typeof value === 'number' ? formatWrittenNumber(value, locale) : value]),
  );
  return { ...message, params };
}

/**
 * A problem our schema words itself, as the fields of a zod custom issue (`ctx.addIssue({code: 'custom', path, ...ownIssue(…)})`
 * or `.refine(fn, ownIssue(…))`): its English as zod's message, its message as the issue's params (read back by issues.ts).
 */
export const ownIssue = (key: PackKey, params?: PackParams): { message: string; params: { text: PackMessage } } => {
  const text = packMessage(key, params);
  return { message: englishPackText(text), params: { text } };
};

/**
 * Our schemas' own words where zod keeps no parameters (a regex's, a union's or an enum's `error`):
 * the English sentence, remembered with its message so issues.ts can give the issue its key. The
 * English of a key and its parameters is always the same, so the lookup cannot mistake one for another;
 * the map is bounded (an unknown metric's sentence names what the author typed).
 */
const OWN_WORDED = new Map<string, PackMessage>();
const OWN_WORDED_MAX = 1000;
export function ownText(key: PackKey, params?: PackParams): string {
  const text = packMessage(key, params);
  const english = englishPackText(text);
  if (!OWN_WORDED.has(english) && OWN_WORDED.size >= OWN_WORDED_MAX) OWN_WORDED.delete(OWN_WORDED.keys().next().value as string);
  OWN_WORDED.set(english, text);
  return english;
}
/** The message of an English sentence ownText made, if any. */
export const ownWorded = (english: string): PackMessage | undefined => OWN_WORDED.get(english);

/** "a", "a or b", "a, b or c" as a message (the list's words stay as given: ids). */
export function orList(items: readonly string[]): MessageParam<PackKey> {
  if (items.length <= 1) return items[0] ?? '';
  return packMessage('word.or', { a: items.slice(0, -1).join(', '), b: items[items.length - 1]! }) as Message<PackKey>;
}

const TYPE_KEYS = new Set(['string', 'number', 'int', 'boolean', 'object', 'array', 'null', 'undefined', 'nan', 'record']);
const typeWord = (type: string | undefined): MessageParam<PackKey> => (type !== undefined && TYPE_KEYS.has(type) ? { key: `type.${type}` as PackKey } : (type ?? '?'));
const quoted = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

/**
 * A zod issue in our words, from its code and data (`issues.ts` keeps them). A problem our schemas
 * word themselves (a refine, a custom error) carries its own message; it reads as written.
 */
export function zodIssueMessage(zod: ZodIssueData | undefined, message: string): PackMessage {
  if (zod === undefined) return ownWorded(message) ?? packMessage('problem.asIs', { detail: message });
  const origin = zod.origin;
  switch (zod.code) {
    case 'invalid_type':
      if (zod.received === 'undefined') return packMessage('schema.required', { expected: typeWord(zod.expected) });
      return packMessage('schema.invalidType', { expected: typeWord(zod.expected), received: typeWord(zod.received) });
    case 'too_big': {
      const maximum = zod.maximum ?? '?';
      if (origin === 'string' || origin === 'array') return packMessage(`schema.tooBig.${origin}`, { maximum });
      if (origin === 'number' || origin === 'int' || origin === 'bigint') return packMessage(zod.inclusive === false ? 'schema.tooBig.numberBelow' : 'schema.tooBig.number', { maximum });
      return packMessage('schema.tooBig.other', { maximum });
    }
    case 'too_small': {
      const minimum = zod.minimum ?? '?';
      if (origin === 'string' || origin === 'array') return packMessage(`schema.tooSmall.${origin}`, { minimum });
      if (origin === 'number' || origin === 'int' || origin === 'bigint') return packMessage(zod.inclusive === false ? 'schema.tooSmall.numberAbove' : 'schema.tooSmall.number', { minimum });
      return packMessage('schema.tooSmall.other', { minimum });
    }
    case 'invalid_value': {
      const values = zod.values ?? [];
      return values.length === 1 ? packMessage('schema.invalidValueOne', { value: quoted(values[0]) }) : packMessage('schema.invalidValue', { values: values.map(quoted).join(', ') });
    }
    case 'unrecognized_keys':
      return packMessage('schema.unrecognizedKeys', { keys: (zod.keys ?? []).map(quoted).join(', ') });
    case 'invalid_union':
      return packMessage('schema.invalidUnion');
    case 'invalid_format':
      return zod.format === 'regex' || zod.format === undefined ? packMessage('schema.invalidPattern') : packMessage('schema.invalidFormat', { format: zod.format });
    case 'not_multiple_of':
      return packMessage('schema.notMultipleOf', { divisor: zod.divisor ?? '?' });
    case 'invalid_key':
      return packMessage('schema.invalidKey');
    case 'invalid_element':
      return packMessage('schema.invalidElement');
    default:
      return packMessage('schema.invalid');
  }
}
