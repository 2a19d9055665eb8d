/**
 * Class results (issue 16): grade a folder of submissions, or read the CSV of `npm run grade`, and
 * see the class: score distribution, pass rate per check and who did not pass it, stored grades that
 * did not match, one student's checks with their design opened in the lab at the first violation.
 * Stays mounted while closed, so going to the lab and back keeps the results.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import { fileErrorLabel, type ClassRow } from '../../../shared/classResults';
import type { CatalogueEntry } from '../../../shared/ipc';
import { classResultsCsv, hasPassed, lessonStats, lessonsOf } from '../../../shared/classStats';
import { localize } from '../../../shared/i18n';
import type { LocalizedText } from '../../../shared/checks';
import { BUILTIN_PACK_ID } from '../../../shared/lesson';
import { useLocale } from '../i18n/LocaleContext';
import { downloadText } from '../files/localFile';
import { FilePickerButton } from '../lesson/FilePickerButton';
import { PassRateBars, ScoreHistogram } from './ClassCharts';
import { classTitles } from './classTitles';
import { StudentDetail, type StudentDesign } from './StudentDetail';
import { useClassStrings } from './strings';
import { submissionFor, useClassGrading, type GradingStatus } from './useClassGrading';
import './classResults.css';
import type { NodeNames } from '../../../shared/nodeNames';

interface Props {
  api: StateLabApi;
  isOpen: boolean;
  onClose(): void;
  onOpenDesign(design: StudentDesign): void;
}

function StatusLine({ status, onCancel }: { status: GradingStatus; onCancel(): void }) {
  const t = useClassStrings();
  if (status.state === 'idle') return null;
  if (status.state === 'error') return <p className="sl-error" role="alert">{status.message}</p>;
  if (status.state === 'cancelled') return <p className="sl-muted" role="status">{t('cancelled', { done: status.done, total: status.total })}</p>;
  const label = status.state === 'reading' ? t('reading') : status.queuePosition ? t('queued', { position: status.queuePosition }) : t('grading', { done: status.done, total: status.total });
  return (
    <div className="sl-class-status" role="status">
      <progress max={status.state === 'grading' ? status.total : undefined} value={status.state === 'grading' ? status.done : undefined} aria-label={label} />
      <span data-testid="class-progress">{label}</span>
      <button type="button" onClick={onCancel}>{t('cancel')}</button>
    </div>
  );
}

function RowList({ title, rows, onPick, testId }: { title: string; rows: { key: string; label: string; row?: ClassRow }[]; onPick(row: ClassRow): void; testId: string }) {
  if (rows.length === 0) return null;
  return (
    <section className="sl-class-list" data-testid={testId}>
      <h3>{title} ({rows.length})</h3>
      <ul>
        {rows.map(({ key, label, row }) => (
          <li key={key}>{row ? <button type="button" className="sl-link" onClick={() => onPick(row)}>{label}</button> : label}</li>
        ))}
      </ul>
    </section>
  );
}

const NO_OBSERVATIONS: ReadonlySet<string> = new Set();
const NO_TITLES: ReadonlyMap<string, LocalizedText> = new Map();

export function ClassResultsDialog({ api, isOpen, onClose, onOpenDesign }: Props) {
  const t = useClassStrings();
  const { locale } = useLocale();
  const grading = useClassGrading(api);
  const { results } = grading;
  const lessons = useMemo(() => (results ? lessonsOf(results) : []), [results]);
  const [lessonId, setLessonId] = useState<string>();
  const shownLesson = lessonId && lessons.some((l) => l.lessonId === lessonId) ? lessonId : lessons[0]?.lessonId;
  // The lesson's observations (checks worth 0 points): the CSV's points cannot say whether they
  // held, so they get no pass rate rather than a ✗ for everyone. A CSV alone names no pack: the
  // built-in one is asked, and a lesson it does not have leaves every check graded.
  // The same answer names each check as the student reads it in the lesson; the id stays a tooltip.
  const [observations, setObservations] = useState<ReadonlySet<string>>(NO_OBSERVATIONS);
  const [checkTitles, setCheckTitles] = useState<ReadonlyMap<string, LocalizedText>>(NO_TITLES);
  // The lesson's node names, so a student's grade notes name nodes as the lesson does.
  const [nodeNames, setNodeNames] = useState<NodeNames>();
  useEffect(() => {
    setObservations(NO_OBSERVATIONS);
    setCheckTitles(NO_TITLES);
    setNodeNames(undefined);
    if (!shownLesson) return;
    let isCurrent = true;
    void api.lessonsOpen({ packId: grading.packId ?? BUILTIN_PACK_ID, lessonId: shownLesson }).then((opened) => {
      if (!isCurrent || !opened.ok) return;
      setObservations(new Set(opened.value.checks.filter((c) => c.points === 0).map((c) => c.id)));
      setCheckTitles(new Map(opened.value.checks.map((c) => [c.id, c.title])));
      setNodeNames(opened.value.nodeNames);
    });
    return () => {
      isCurrent = false;
    };
  }, [api, grading.packId, shownLesson]);
  /** A check's title in the app's language, or its id when the pack does not know the lesson. */
  const checkTitle = (id: string) => {
    const title = checkTitles.get(id);
    return title ? localize(title, locale) : id;
  };
  // The pack and lessons by their titles (the catalogue is asked again each time the dialog opens: a pack may have been imported since).
  const [catalogue, setCatalogue] = useState<readonly CatalogueEntry[]>([]);
  useEffect(() => {
    if (!isOpen) return;
    let isCurrent = true;
    void api.packsCatalogue({}).then((r) => isCurrent && r.ok && setCatalogue(r.value));
    return () => {
      isCurrent = false;
    };
  }, [api, isOpen]);
  const titles = useMemo(() => classTitles(catalogue, grading.packId, BUILTIN_PACK_ID, locale), [catalogue, grading.packId, locale]);
  const stats = useMemo(() => (results && shownLesson ? lessonStats(results, shownLesson, observations) : undefined), [results, shownLesson, observations]);
  const [checkId, setCheckId] = useState<string>();
  const [selectedFile, setSelectedFile] = useState<string>();
  const selected = results?.rows.find((r) => r.file === selectedFile);

  // The app's own Escape shortcut re-renders synchronously while the key event is being dispatched;
  // a listener re-added then would miss it, so the listener stays put and reads the latest onClose.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeRef.current();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen]);

  if (!isOpen) return null;
  const isBusy = grading.status.state === 'grading' || grading.status.state === 'reading';
  const failedCheck = stats?.checks.find((c) => c.checkId === checkId);
  const rowsOfLesson = results?.rows.filter((r) => r.lessonId === shownLesson || (r.error && !r.lessonId)) ?? [];
  const label = (r: ClassRow) => `${r.student || '—'} · ${r.file}`;
  const exportCsv = () => results && downloadText(`${(grading.sourceName ?? 'class').replace(/\.csv$/i, '')}-grades.csv`, classResultsCsv(results), 'text/csv');

  return (
    <div className="sl-overlay" role="presentation" onClick={onClose}>
      <div className="sl-dialog sl-class-dialog" role="dialog" aria-modal="true" aria-label={t('title')} onClick={(e) => e.stopPropagation()}>
        <header className="sl-class-header">
          <h2>{t('title')}</h2>
          {grading.sourceName && (
            <span className="sl-muted" data-testid="class-source" title={grading.packId}>
              {titles.pack !== undefined ? t('sourceWithPack', { source: grading.sourceName, pack: titles.pack }) : grading.sourceName}
            </span>
          )}
          {lessons.length > 0 && (
            <label>
              {t('lesson')}{' '}
              <select value={shownLesson} onChange={(e) => setLessonId(e.target.value)} data-testid="class-lesson" title={shownLesson}>
                {lessons.map((l) => (
                  <option key={l.lessonId} value={l.lessonId} title={l.lessonId}>{titles.lesson(l.lessonId)} ({l.count})</option>
                ))}
              </select>
            </label>
          )}
          <span className="sl-class-actions">
            <FilePickerButton isDirectory testId="class-folder-picker" disabled={isBusy} onPick={(files) => void grading.gradeFolder(files)}>{t('gradeFolder')}</FilePickerButton>
            <FilePickerButton accept=".csv,text/csv" testId="class-csv-picker" disabled={isBusy} onPick={([file]) => void grading.readCsv(file!)}>{t('readCsv')}</FilePickerButton>
            {results && grading.submissions.size === 0 && (
              <FilePickerButton isDirectory testId="class-designs-picker" onPick={(files) => grading.attachFolder(files)}>{t('attachFolder')}</FilePickerButton>
            )}
            <button type="button" disabled={!results} onClick={exportCsv}>{t('exportCsv')}</button>
            <button type="button" onClick={onClose} autoFocus>{t('close')}</button>
          </span>
        </header>
        <StatusLine status={grading.status} onCancel={grading.cancel} />
        {!results && !isBusy && <ClassGuide />}
        {results && (
          <div className={`sl-class-body${selected ? ' has-detail' : ''}`}>
            <div className="sl-class-col">
              {stats && (
                <p className="sl-class-summary" data-testid="class-summary">
                  {rowsOfLesson.length} {t('submissions')} · {stats.graded.length} {t('graded')} · {rowsOfLesson.length - stats.graded.length} {t('unreadable')}
                  {stats.meanScore !== null && ` · ${t('mean')} ${stats.meanScore.toFixed(1)}/${stats.maxScore}`}
                </p>
              )}
              {stats && <ScoreHistogram stats={stats} />}
              {stats && <PassRateBars checks={stats.checks} titleOf={checkTitle} selected={checkId} onSelect={(id) => setCheckId((c) => (c === id ? undefined : id))} />}
              {failedCheck &&
                (failedCheck.failed.length === 0 ? (
                  <p className="sl-muted">{t('nobodyFailed')}</p>
                ) : (
                  <RowList title={t('failedBy', { check: checkTitle(failedCheck.checkId) })} testId="class-failed" rows={failedCheck.failed.map((r) => ({ key: r.file, label: label(r), row: r }))} onPick={(r) => setSelectedFile(r.file)} />
                ))}
              <RowList title={t('mismatches')} testId="class-mismatches" rows={(stats?.mismatched ?? []).map((r) => ({ key: r.file, label: label(r), row: r }))} onPick={(r) => setSelectedFile(r.file)} />
              <RowList title={t('withNotes')} testId="class-noted" rows={rowsOfLesson.filter((r) => !r.error && r.notes).map((r) => ({ key: r.file, label: label(r), row: r }))} onPick={(r) => setSelectedFile(r.file)} />
              <RowList title={t('errors')} testId="class-errors" rows={rowsOfLesson.filter((r) => r.error).map((r) => ({ key: r.file, label: fileErrorLabel(r.file, grading.errorOf(r)), row: r }))} onPick={(r) => setSelectedFile(r.file)} />
              <RowList title={t('duplicates')} testId="class-duplicates" rows={results.duplicates.map((d) => ({ key: d.file, label: `${d.file} (${t('line')} ${d.lines.join(', ')})` }))} onPick={() => {}} />
              <RowList title={t('skipped')} testId="class-skipped" rows={grading.skipped.map((s) => ({ key: s, label: s }))} onPick={() => {}} />
            </div>
            <div className="sl-class-col sl-class-table-col">
              <table className="sl-class-table" aria-label={t('table')}>
                <thead>
                  <tr>
                    <th>{t('student')}</th>
                    <th>{t('score')}</th>
                    <th>{t('stored')}</th>
                    {stats?.checks.map((c, i) => (
                      <th key={c.checkId} title={`${i + 1}. ${checkTitle(c.checkId)} (${c.checkId})`} className="sl-class-check-head" aria-label={checkTitle(c.checkId)} data-check={c.checkId}>
                        {i + 1}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rowsOfLesson.map((r) => (
                    <tr key={r.file} className={r.file === selectedFile ? 'is-selected' : ''} data-file={r.file}>
                      <td>
                        <button type="button" className="sl-link" onClick={() => setSelectedFile(r.file)} title={r.file}>{r.student || r.file}</button>
                      </td>
                      <td>{r.score ?? '—'}/{r.maxScore ?? '—'}</td>
                      <td className={r.stored === 'MISMATCH' ? 'sl-error' : ''}>{r.error || !r.stored ? '—' : t(`storedGrade.${r.stored}`)}</td>
                      {stats?.checks.map((c) =>
                        c.isObservation ? (
                          <td key={c.checkId} className="sl-class-mark sl-muted" title={t('observationHint')}>
                            {r.error ? '' : '·'}
                          </td>
                        ) : (
                          <td key={c.checkId} className="sl-class-mark">{r.error ? '' : hasPassed(r, c.checkId) ? '✓' : '✗'}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {selected && (
              <div className="sl-class-col">
                <StudentDetail api={api} row={selected} nodeNames={selected.lessonId === shownLesson ? nodeNames : undefined} file={submissionFor(grading.submissions, selected.file)} errorText={grading.errorOf(selected)} hostNotes={grading.hostNotesOf(selected)} onOpen={onOpenDesign} onClose={() => setSelectedFile(undefined)} />
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

/** The guide's steps: keys of the classResults namespace. */
const GUIDE_STEPS = ['guideExport', 'guideCollect', 'guideGrade', 'guideRead'] as const;

/** Before any class is shown: how grading a class goes, naming the very buttons it takes. */
function ClassGuide() {
  const t = useClassStrings();
  const { t: lessonText } = useLocale();
  const buttons = { exportButton: lessonText('exportSubmission'), folderButton: t('gradeFolder'), exportButton2: t('exportCsv'), readCsvButton: t('readCsv') };
  return (
    <section className="sl-class-guide" data-testid="class-guide" aria-labelledby="sl-class-guide-title">
      <p className="sl-muted">{t('intro')}</p>
      <h3 id="sl-class-guide-title">{t('guideTitle')}</h3>
      <ol>
        {GUIDE_STEPS.map((key) => (
          <li key={key}>{t(key, buttons)}</li>
        ))}
      </ol>
      <p className="sl-muted">{t('guideCli', buttons)}</p>
      <pre className="sl-class-command">
        <code>{t('guideCliCommand')}</code>
      </pre>
    </section>
  );
}
