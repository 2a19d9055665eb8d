import { errorMessage } from '../../../shared/i18n/errorTexts';
import { failureText } from '../i18n/useErrorText';
import { useEffect, useRef, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { GradeReport } from '../../../shared/gradeReport';
import type { Graph } from '../../../shared/graph';
import type { SubmissionRegrade } from '../../../shared/ipc';
import { payloadTooLarge, tooLargeMessage } from '../../../shared/payloadSize';
import { downloadText } from '../files/localFile';
import { useLocale } from '../i18n/LocaleContext';
import { FilePickerButton } from './FilePickerButton';
import { RegradeDialog } from './RegradeDialog';

/** How a typed name asks to be taken: for an export, and what to do once the student keeps their numbers or takes the new ones. */
export interface NameRequest {
  isForExport?: boolean;
  onKeep?(): void;
  onUse?(): void;
}

/** Bound on a submission file picked in the browser, matching the host's limit. */
const MAX_SUBMISSION_BYTES = 6_000_000;

interface Props {
  api: StateLabApi;
  packId: string;
  lessonId: string;
  graph: Graph;
  answers: Readonly<Record<string, string>>;
  report: GradeReport | undefined;
  /** The student's name (shared with the lesson's variant card). */
  student: string;
  /** Takes a typed name, or asks first when it changes the lesson's numbers (then false: nothing is taken yet). */
  onStudent(name: string, request?: NameRequest): boolean;
  onError(message: string): void;
}

/** Export this lesson's work as a submission; open one (an instructor's view) and re-grade it. */
export function SubmissionControls({ api, packId, lessonId, graph, answers, report, student: committed, onStudent, onError }: Props) {
  const { t, locale } = useLocale();
  // Typed here, taken on Enter, when the field is left, or on export: a new name can change the lesson's variant.
  const [student, setStudent] = useState(committed);
  useEffect(() => setStudent(committed), [committed]);
  const [regrade, setRegrade] = useState<SubmissionRegrade>();
  /** The file the last export wrote: a download gives no other sign inside the app. */
  const [exported, setExported] = useState<string>();
  /** The student took new numbers on Export: they check their work before exporting. */
  const [isCheckDue, setCheckDue] = useState(false);
  useEffect(() => {
    setExported(undefined);
    setCheckDue(false);
  }, [packId, lessonId]);
  // A check since (a report graded with the numbers now in force) is what the note asked for.
  useEffect(() => {
    if (report) setCheckDue(false);
  }, [report]);
  const exportedLine = useRef<HTMLParagraphElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  // A block, not an arrow returning the call: scrollIntoView may return a promise, which React would take for a cleanup.
  useEffect(() => {
    exportedLine.current?.scrollIntoView({ block: 'nearest' });
  }, [exported]);
  /** The name typed goes back to the one in force (the student kept their numbers). */
  const keep = () => setStudent(committed);
  const commit = () => {
    if (student !== committed) onStudent(student, { onKeep: keep });
  };

  const exportWork = async () => {
    // A name that changes the lesson's numbers is not exported silently with a design made (and checked) with the old ones.
    if (student !== committed && !onStudent(student, { isForExport: true, onKeep: keep, onUse: () => setCheckDue(true) })) return;
    setCheckDue(false);
    const result = await api.submissionsExport({ packId, lessonId, graph, answers: { ...answers }, ...(student.trim() ? { student } : {}), ...(report ? { report } : {}) });
    if (!result.ok) return onError(failureText(result.error, locale));
    downloadText(result.value.fileName, result.value.text);
    setExported(result.value.fileName);
  };

  const openSubmission = async (file: File) => {
    if (file.size > MAX_SUBMISSION_BYTES) return onError(failureText(errorMessage('at.file', { file: file.name, detail: tooLargeMessage(file.size, MAX_SUBMISSION_BYTES) }), locale));
    const request = { fileName: file.name, text: await file.text() };
    // Under the file limit can still be over the host's once its quotes and backslashes are escaped.
    const tooLarge = payloadTooLarge(request, file.size);
    if (tooLarge) return onError(failureText(errorMessage('at.file', { file: file.name, detail: tooLarge }), locale));
    const result = await api.submissionsRegrade(request);
    if (!result.ok) return onError(failureText(result.error, locale));
    setRegrade(result.value);
  };

  return (
    <section className="sl-submission">
      <div className="sl-submission-row">
        <input
          type="text"
          value={student}
          maxLength={200}
          placeholder={t('yourName')}
          aria-label={t('yourName')}
          onChange={(e) => setStudent(e.target.value)}
          onBlur={(e) => (e.relatedTarget === exportButton.current ? undefined : commit())}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            // Its default would press the button a dialog the commit opens has focused ("Keep my numbers").
            e.preventDefault();
            commit();
          }}
        />
        {/* Leaving the name for Export lets Export take it (and ask, if it changes the numbers). */}
        <button type="button" ref={exportButton} onClick={() => void exportWork()}>
          {t('exportSubmission')}
        </button>
      </div>
      {isCheckDue && (
        <p className="sl-muted" role="status" data-testid="check-before-export">
          {t('checkBeforeExport')}
        </p>
      )}
      {exported && (
        <p className="sl-muted" role="status" data-testid="submission-exported" ref={exportedLine}>
          {t('submissionExported', { file: exported })}
        </p>
      )}
      <FilePickerButton className="sl-link" accept=".json,application/json" testId="submission-picker" onPick={([file]) => void openSubmission(file!)}>
        {t('openSubmission')}
      </FilePickerButton>
      {regrade && <RegradeDialog regrade={regrade} onClose={() => setRegrade(undefined)} />}
    </section>
  );
}
