/**
 * The studio beside the canvas: the draft pack's lessons, the lesson's texts, designs, scenario and
 * checks in tabs, the live verification under them, and Save / Export.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import type { Graph } from '../../../shared/graph';
import type { NodeNames } from '../../../shared/nodeNames';
import { messageText, packProblemText } from '../../../shared/i18n/errorTexts';
import { issuePlace } from '../../../shared/i18n/issues';
import { labelColon } from '../i18n/format';
import { localize } from '../../../shared/i18n';
import { LOCALES } from '../../../shared/lesson';
import { newLessonDocument, type StudioProblem } from '../../../shared/studio';
import { ChecksTab } from './ChecksTab';
import { lessonName } from './checkName';
import { DesignTab } from './DesignTab';
import { LocalizedField } from './LocalizedField';
import { ScenarioTab } from './ScenarioTab';
import { TextsTab } from './TextsTab';
import { lessonGaps } from './lessonGaps';
import { missingFieldWords, missingTranslations, nodeOfPath, PACK_TITLE, PACK_TITLE_AT } from './translations';
import { problemPlace, type ProblemPlace } from './problemPlace';
import { namedProblemText } from './problemNames';
import { addKnownNames } from './nodeNamesEdit';
import { useKindNames, useStudioNamer } from './useStudioNamer';
import { useLessonNodeNames } from '../i18n/nodeNames';
import type { ScenarioEdits } from './useScenarioEdits';
import type { Studio } from './useStudio';
import { VerifyPanel } from './VerifyPanel';
import './studio.css';

const TABS = ['texts', 'design', 'scenario', 'checks'] as const satisfies readonly ProblemPlace['tab'][];
type Tab = (typeof TABS)[number];
/** Smallest editing area the split leaves: a check's form with its timeline still shows (at 1280x720 the default gives it about 360 px). */
const EDIT_MIN_PX = 200;
/** Smallest live verification: its Verify row and a row of the table. */
const VERIFY_MIN_PX = 90;
/** The verification's first share of the split, until the instructor drags it (remembered across restarts). */
const VERIFY_DEFAULT = '32%';

interface Props {
  studio: Studio;
  /** The scenario tab's drags, drops and undo (shared with the canvas). */
  scenarioEdits: ScenarioEdits;
  canvas: Graph;
  selectedNodes: ReadonlySet<string>;
  onShow(graph: Graph): void;
  onExport(): void;
  onClose(): void;
}

export function StudioPanel({ studio, scenarioEdits, canvas, selectedNodes, onShow, onExport, onClose }: Props) {
  const { t, i18n } = useTranslation('studio');
  const { t: tLesson } = useTranslation('lesson');
  const [tab, setTab] = useState<Tab>('texts');
  const [isProblemsOpen, setProblemsOpen] = useState(false);
  const [isMissingOpen, setMissingOpen] = useState(false);
  // A missing node name picked in the list: the Design tab opens with its 简体中文 box focused.
  const [nameToFocus, setNameToFocus] = useState<string>();
  // A problem's place picked in the list: the tab opens (remounted, so a check to show is selected).
  const [jump, setJump] = useState<{ serial: number; checkIndex?: number }>({ serial: 0 });
  const nameOf = useStudioNamer(studio.lesson);
  const shownNames = useLessonNodeNames();
  const kindNames = useKindNames();
  useEffect(() => {
    if (nameToFocus === undefined || tab !== 'design') return;
    const box = document.querySelector<HTMLElement>(`[data-testid="node-name-${CSS.escape(nameToFocus)}"] [data-locale]:not([data-locale="en"])`);
    box?.scrollIntoView({ block: 'center' });
    box?.focus();
    setNameToFocus(undefined);
  }, [nameToFocus, tab]);
  const split = useDefaultLayout({ id: 'statelab.studio-split', storage: globalThis.localStorage, onlySaveAfterUserInteractions: true });
  const { draft } = studio;
  if (!draft) return null;
  const addLesson = () => {
    const used = new Set(draft.lessons.map((l) => (l.lesson as { id?: string }).id));
    let n = draft.lessons.length + 1;
    while (used.has(`lesson-${n}`)) n++;
    // The canvas's nodes keep the names it shows them by (the studio's open lesson's, or before a pack has one
    // the lesson the design came from), and a node the palette named in either language gets its kind's name
    // in each, labelled in English in the starter.
    const lesson = newLessonDocument(`lesson-${n}`);
    const starter = addKnownNames(lesson as { nodeNames?: NodeNames }, canvas, shownNames, kindNames);
    studio.addLesson({ lesson, starter });
    setTab('design');
  };
  // Node names count too: a node of the starter or reference named in English only lacks its 简体中文.
  // A text written in 简体中文 alone (a pack titled in the studio in 简体中文) lacks its English.
  const missingIn = (locale: string) => (studio.lessonDoc ? [...(missingTranslations({ title: draft.title }, locale).length ? [PACK_TITLE] : []), ...missingTranslations(studio.lessonDoc, locale, [studio.lesson?.starter, studio.lesson?.reference])] : []);
  const missingEnglish = missingIn('en');
  const missing = [...new Set([...missingIn(LOCALES[1]), ...missingEnglish])];
  // The open lesson's file as the validator names it, so a missing text's place is found as a problem's is.
  const lessonFile = `lessons/${String(studio.lessonIndex + 1).padStart(2, '0')}-x.lesson.json`;
  const placeOf = (p: Pick<StudioProblem, 'file' | 'path'>) => problemPlace(p, draft.lessons.map((l) => l.lesson as Parameters<typeof problemPlace>[1][number]), i18n.language);
  const placeText = (place: ProblemPlace) => {
    const where = t('place.inTab', { tab: t(`tabs.${place.tab}`), place: t(`place.${place.key}`, place.params) });
    return place.lessonIndex !== undefined && place.lessonIndex !== studio.lessonIndex ? t('place.inLesson', { n: place.lessonIndex + 1, place: where }) : where;
  };
  const goTo = (place: ProblemPlace) => {
    if (place.lessonIndex !== undefined && place.lessonIndex !== studio.lessonIndex) studio.pickLesson(place.lessonIndex);
    setTab(place.tab);
    setJump((j) => ({ serial: j.serial + 1, ...(place.checkIndex !== undefined ? { checkIndex: place.checkIndex } : {}) }));
  };
  // What validates but a student would trip on: warned here, never refused (installed packs keep loading).
  const gaps = lessonGaps(draft.lessons);
  const gapWords = { checkMyWork: tLesson('checkMyWork'), allPassed: tLesson('allPassed'), useAsReference: t('useAsReference') };
  const message = studio.message && (['saved', 'savedDraftOnly', 'exported'].includes(studio.message.text) ? t(`messages.${studio.message.text}`) : studio.message.text);
  return (
    <aside className="sl-studio" aria-label={t('studio')} data-testid="studio-panel">
      <div className="sl-studio-head">
        <strong className="sl-studio-pack" title={draft.id}>{localize(draft.title, i18n.language).trim() || draft.id}</strong>
        {/* Each lesson by its title in the author's language; its id (what the pack's files say) in the tooltip. */}
        <select aria-label={t('lesson')} data-testid="studio-lesson" title={studio.lessonDoc ? `${lessonName(studio.lessonDoc as Parameters<typeof lessonName>[0], i18n.language, studio.lessonIndex)} · ${studio.lessonDoc.id}` : undefined} value={studio.lessonIndex} onChange={(e) => studio.pickLesson(Number(e.target.value))}>
          {draft.lessons.map((l, i) => (
            <option key={i} value={i} title={(l.lesson as { id?: string }).id}>{i + 1}. {lessonName(l.lesson as Parameters<typeof lessonName>[0], i18n.language, i)}</option>
          ))}
        </select>
        <button type="button" onClick={addLesson}>{t('addLesson')}</button>
        <button type="button" onClick={() => void studio.save()}>{t('save')}</button>
        <button type="button" onClick={onExport}>{t('export')}</button>
        <button type="button" onClick={onClose}>{t('closeStudio')}</button>
      </div>
      {message && (
        <p className={studio.message?.isError ? 'sl-error' : 'sl-muted'} role={studio.message?.isError ? 'alert' : 'status'} data-testid="studio-message">
          {message}
        </p>
      )}
      <button type="button" className={`sl-link sl-studio-problems-toggle${studio.problems.length ? ' has-problems' : ''}`} data-testid="studio-problems-count" onClick={() => setProblemsOpen((o) => !o)}>
        {studio.problems.length === 0 ? t('noProblems') : t('problems', { count: studio.problems.length })}
      </button>
      {gaps.length > 0 && (
        <div className="sl-studio-gaps" role="note" data-testid="studio-gaps">
          <strong>{t('gaps.title')}</strong>
          <ul>
            {gaps.map(({ gap, place }) => (
              <li key={`${place.lessonIndex ?? ''}:${gap}`} data-gap={gap} data-lesson={place.lessonIndex}>
                <button type="button" className="sl-link" aria-label={t('place.goTo', { where: placeText(place) })} onClick={() => goTo(place)}>
                  {placeText(place)}
                </button>
                {labelColon(i18n.language)}{t(`gaps.${gap}`, gapWords)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {missing.length > 0 && (
        <div className="sl-studio-missing-line">
          <button type="button" className="sl-link sl-studio-missing" data-testid="studio-missing" aria-expanded={isMissingOpen} title={missing.join(', ')} onClick={() => setMissingOpen((o) => !o)}>
            {missingEnglish.length > 0 ? t('missingAnyCount', { count: missing.length }) : t('missingCount', { count: missing.length })}
          </button>
          {isMissingOpen && (
            <ul className="sl-studio-missing-list" data-testid="studio-missing-list">
              {missing.map((path) => {
                const id = nodeOfPath(path);
                // A text by where the studio shows it, a link that goes there ("Checks › “Few requests fail” › Hint"); its JSON path in the tooltip.
                const place = path === PACK_TITLE ? problemPlace(PACK_TITLE_AT, [], i18n.language) : placeOf({ file: lessonFile, path });
                const field = missingFieldWords(path);
                return (
                  <li key={path} data-testid="studio-missing-item">
                    {id === undefined ? (
                      <button type="button" className="sl-link" title={path} onClick={() => goTo(place)}>
                        {placeText(place)}
                        {field !== undefined && ` › ${messageText(field, i18n.language)}`}
                      </button>
                    ) : (
                      <button type="button" className="sl-link" title={id} onClick={() => {
                          setTab('design');
                          setNameToFocus(id);
                        }}>
                        {t('missingNodeName', { name: nameOf(id) })}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      {isProblemsOpen && studio.problems.length > 0 && (
        <ul className="sl-studio-problems" data-testid="studio-problems">
          {/* Each problem says where the studio shows it and goes there, its lesson and nodes by name whichever lesson it is in; the file and JSON path stay in the tooltip. */}
          {studio.problems.map((p, i) => {
            const place = placeOf(p);
            const file = `${p.file} ${issuePlace(p.path, i18n.language)}`;
            return (
              <li key={i} data-testid="studio-problem" title={file}>
                <button type="button" className="sl-link" data-testid="studio-problem-place" aria-label={t('place.goTo', { where: placeText(place) })} onClick={() => goTo(place)}>
                  {placeText(place)}
                </button>
                {labelColon(i18n.language)}{packProblemText(p.text ? { ...p, text: namedProblemText(p.text, place.lessonIndex, draft.lessons, i18n.language) } : p, i18n.language)}
              </li>
            );
          })}
        </ul>
      )}
      {draft.lessons.length === 0 ? (
        <div className="sl-studio-tab">
          <LocalizedField label={t('packTitle')} value={draft.title} testId="pack-title" onChange={(v) => studio.edit((d) => void (d.title = { ...v, en: v.en ?? '' }))} />
          <p className="sl-muted">{t('emptyHelp')}</p>
        </div>
      ) : (
        <>
          <div className="sl-studio-tabs" role="tablist">
            {TABS.map((name) => (
              <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'is-active' : undefined} onClick={() => setTab(name)}>
                {t(`tabs.${name}`)}
              </button>
            ))}
          </div>
          <Group orientation="vertical" className="sl-studio-split" defaultLayout={split.defaultLayout} onLayoutChanged={split.onLayoutChanged}>
            <Panel id="edit" minSize={EDIT_MIN_PX} className="sl-studio-split-panel">
              <div className="sl-studio-body" key={`${tab}:${jump.serial}`}>
                {tab === 'texts' && (
                  <>
                    <LocalizedField label={t('packTitle')} value={draft.title} testId="pack-title" onChange={(v) => studio.edit((d) => void (d.title = { ...v, en: v.en ?? '' }))} />
                    <label className="sl-studio-field">
                      {t('lessonId')}
                      <input data-testid="lesson-id" value={studio.lessonDoc?.id ?? ''} onChange={(e) => studio.editLesson((l) => void (l.id = e.target.value))} />
                    </label>
                    <TextsTab studio={studio} />
                  </>
                )}
                {tab === 'design' && <DesignTab studio={studio} canvas={canvas} selectedNodes={selectedNodes} onShow={onShow} />}
                {tab === 'scenario' && <ScenarioTab studio={studio} edits={scenarioEdits} />}
                {tab === 'checks' && <ChecksTab studio={studio} initialCheck={jump.checkIndex} />}
              </div>
            </Panel>
            <Separator className="sl-split-handle" />
            <Panel id="verify" minSize={VERIFY_MIN_PX} defaultSize={VERIFY_DEFAULT} className="sl-studio-split-panel">
              <VerifyPanel studio={studio} />
            </Panel>
          </Group>
        </>
      )}
    </aside>
  );
}
