import { useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { GradeReport } from '../../../shared/gradeReport';
import type { Graph } from '../../../shared/graph';
import type { SubmissionRegrade } from '../../../shared/ipc';
import { downloadText } from '../files/localFile';
import { useLocale } from '../i18n/LocaleContext';
import { CheckResults } from './CheckResults';
import { FilePickerButton } from './FilePickerButton';
import { differenceText } from './regradeText';

/** Bound on a submission file picked in the browser, matching the host's limit. */
const MAX_SUBMISSION_BYTES = 6_000_000;

interface Props {
  api: StateLabApi;
  packId: string;
  lessonId: string;
  graph: Graph;
  answers: Readonly<Record<string, string>>;
  report: GradeReport | undefined;
  onError(message: string): void;
}

/** Export this lesson's work as a submission; open one (an instructor's view) and re-grade it. */
export function SubmissionControls({ api, packId, lessonId, graph, answers, report, onError }: Props) {
  const { t, locale } = useLocale();
  const [student, setStudent] = useState(() => globalThis.localStorage?.getItem('statelab.student') ?? '');
  const [regrade, setRegrade] = useState<SubmissionRegrade>();

  const exportWork = async () => {
    globalThis.localStorage?.setItem('statelab.student', student);
    const result = await api.submissionsExport({ packId, lessonId, graph, answers: { ...answers }, ...(student.trim() ? { student } : {}), ...(report ? { report } : {}) });
    if (!result.ok) return onError(result.error.message);
    downloadText(result.value.fileName, result.value.text);
  };

  const openSubmission = async (file: File) => {
    if (file.size > MAX_SUBMISSION_BYTES) return onError(`${file.name}: the file is too large (${file.size} bytes).`);
    const result = await api.submissionsRegrade({ fileName: file.name, text: await file.text() });
    if (!result.ok) return onError(result.error.message);
    setRegrade(result.value);
  };

  return (
    <section className="sl-submission">
      <div className="sl-submission-row">
        <input type="text" value={student} maxLength={200} placeholder={t('yourName')} aria-label={t('yourName')} onChange={(e) => setStudent(e.target.value)} />
        <button type="button" onClick={() => void exportWork()}>
          {t('exportSubmission')}
        </button>
      </div>
      <FilePickerButton className="sl-link" accept=".json,application/json" testId="submission-picker" onPick={([file]) => void openSubmission(file!)}>
        {t('openSubmission')}
      </FilePickerButton>
      {regrade && (
        <div className="sl-overlay" role="presentation" onClick={() => setRegrade(undefined)}>
          <div className="sl-dialog sl-dialog-wide" role="dialog" aria-modal="true" aria-label={t('regradeTitle')} onClick={(e) => e.stopPropagation()}>
            <h2>{t('regradeTitle')}</h2>
            <p>
              {t('student')}: <strong>{regrade.student ?? '—'}</strong> · {regrade.lessonId} · {new Date(regrade.savedAt).toLocaleString()}
            </p>
            <p className={regrade.storedMatched === false ? 'sl-error' : ''} data-testid="regrade-verdict">
              {regrade.storedMatched === null ? t('storedNone') : regrade.storedMatched ? t('storedMatched') : t('storedDiffers')}
            </p>
            {regrade.differences.length > 0 && (
              <ul className="sl-differences">
                {regrade.differences.map((d) => (
                  <li key={d}>{differenceText(d, regrade.report, locale)}</li>
                ))}
              </ul>
            )}
            {regrade.notes.map((n) => (
              <p key={n} className="sl-muted">{n}</p>
            ))}
            <CheckResults report={regrade.report} />
            <button type="button" onClick={() => setRegrade(undefined)}>
              {t('close')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
