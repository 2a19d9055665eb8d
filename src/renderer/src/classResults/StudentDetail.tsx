/**
 * One student's row, drilled into: the file is re-graded (submissions:regrade, in a worker) for the
 * full report with each failed check's first violation, and the design opens in the lab there.
 */
import { formatSeconds, labelColon } from '../i18n/format';
import { useTranslation } from 'react-i18next';
import { failureText } from '../i18n/useErrorText';
import { errorMessage } from '../../../shared/i18n/errorTexts';
import { useEffect, useMemo, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { ClassRow } from '../../../shared/classResults';
import { loadDocument } from '../../../shared/document';
import type { Graph } from '../../../shared/graph';
import type { SubmissionRegrade } from '../../../shared/ipc';
import { parseUntrustedJson } from '../../../shared/json';
import { SUBMISSION_LIMITS, submissionSpec } from '../../../shared/submission';
import { CheckResults } from '../lesson/CheckResults';
import { DesignNamerProvider } from '../i18n/nodeNames';
import { nodeNamer, type NodeNames } from '../../../shared/nodeNames';
import { differenceText } from '../lesson/regradeText';
import { reportNotes } from '../../../shared/i18n/reportText';
import { variantParamFormat } from '../../../shared/i18n/variantText';
import { gradeParamWords } from '../i18n/useDomain';
import { useClassStrings } from './strings';

/** A student's design to open in the lab, at `atMs` when given. */
export interface StudentDesign {
  packId: string;
  lessonId: string;
  graph: Graph;
  atMs?: number;
  student: string;
}

type Loaded = { regrade: SubmissionRegrade; graph: Graph } | { error: string };

/** What the host said of how the file was graded (another installed pack's file, graded with that pack): in the app's language, and in English as the CSV's notes hold it. */
interface HostNotes {
  texts: string[];
  english: string[];
}
const NO_HOST_NOTES: HostNotes = { texts: [], english: [] };

export function StudentDetail({ api, row, file, errorText, hostNotes = NO_HOST_NOTES, nodeNames, onOpen, onClose }: { api: StateLabApi; row: ClassRow; file: File | undefined; errorText: string; hostNotes?: HostNotes; nodeNames?: NodeNames | undefined; onOpen(design: StudentDesign): void; onClose(): void }) {
  const t = useClassStrings();
  const { i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>();
  // The student's nodes named as their lesson names them (not as the design on the canvas does).
  const graph = loaded && 'graph' in loaded ? loaded.graph : undefined;
  const { t: domain } = useTranslation('domain');
  const gradeWords = useMemo(() => gradeParamWords(domain), [domain]);
  const nameOf = useMemo(() => nodeNamer(graph?.nodes ?? [], nodeNames, i18n.language, graph?.edges), [graph, nodeNames, i18n.language]);

  useEffect(() => {
    setLoaded(undefined);
    if (!file) return;
    let isCurrent = true;
    void (async () => {
      try {
        const text = await file.text();
        // The host re-grades (the stored grade is never trusted); the graph is read here with the same loader.
        const submission = loadDocument(parseUntrustedJson(text, SUBMISSION_LIMITS.bytes, errorMessage('noun.fileNamed', { name: row.file })), submissionSpec);
        const result = await api.submissionsRegrade({ fileName: file.name, text });
        if (!isCurrent) return;
        setLoaded(result.ok ? { regrade: result.value, graph: submission.graph } : { error: failureText(result.error, i18n.language) });
      } catch (error) {
        if (isCurrent) setLoaded({ error: failureText(error, i18n.language) });
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [api, file, row.file]);

  const otherNotes = hostNotes.english.reduce((notes, english) => notes.replace(english, ''), row.notes).trim();
  const open = (atMs?: number) => {
    if (!loaded || 'error' in loaded) return;
    const { regrade, graph } = loaded;
    onOpen({ packId: regrade.packId, lessonId: regrade.lessonId, graph, student: row.student || row.file, ...(atMs !== undefined ? { atMs } : {}) });
  };
  const firstMs = loaded && 'regrade' in loaded ? Math.min(...loaded.regrade.report.checks.filter((c) => !c.passed && c.firstViolationMs !== undefined).map((c) => c.firstViolationMs as number)) : Infinity;

  return (
    <section className="sl-class-detail" aria-label={t('detail')} data-testid="class-detail">
      <div className="sl-class-detail-head">
        <h3>
          {row.student || '—'} <span className="sl-muted">· {row.file}</span>
        </h3>
        <button type="button" className="sl-link" onClick={onClose} aria-label={t('closeDetail')}>
          ✕
        </button>
      </div>
      <p>
        {t('score')}{labelColon(i18n.language)}<strong>{row.score ?? '—'}/{row.maxScore ?? '—'}</strong> · {t('stored')}{labelColon(i18n.language)}<span className={row.stored === 'MISMATCH' ? 'sl-error' : ''}>{row.stored ? t(`storedGrade.${row.stored}`) : '—'}</span>
      </p>
      {row.error && <p className="sl-error">{errorText}</p>}
      {/* Which pack graded the file, when it was not the class's: in the app's language, whatever the re-grade below says. */}
      {hostNotes.texts.map((text) => (
        <p key={text} className="sl-class-note" data-testid="class-own-pack">{text}</p>
      ))}
      {/* The CSV's notes are English; once the file is re-graded here they are said in the app's language below. */}
      {otherNotes && !(loaded && 'regrade' in loaded) && <p className="sl-muted">{otherNotes}</p>}
      {!file && <p className="sl-muted">{t('noDesign')}</p>}
      {file && !loaded && <p className="sl-muted">{t('regrading')}</p>}
      {loaded && 'error' in loaded && <p className="sl-error">{loaded.error}</p>}
      {loaded && 'regrade' in loaded && (
        <>
          <button type="button" className="sl-primary" onClick={() => open(Number.isFinite(firstMs) ? firstMs : undefined)}>
            {Number.isFinite(firstMs) ? t('openDesign', { at: formatSeconds(firstMs, i18n.language) }) : t('openDesignPlain')}
          </button>
          {/* A stored grade that did not match says how: "Score: the file says 5/5, re-grading gives 2/5". */}
          {loaded.regrade.differences.length > 0 && (
            <div className="sl-error" data-testid="class-differences">
              <p>{t('differences')}</p>
              <ul className="sl-differences">
                {loaded.regrade.differences.map((d, i) => (
                  <li key={d}>{differenceText(d, loaded.regrade.report, i18n.language, loaded.regrade.differenceKeys?.[i])}</li>
                ))}
              </ul>
            </div>
          )}
          {/* What re-grading noticed about the file: another student's numbers, another pack or app version. */}
          {reportNotes(loaded.regrade, i18n.language, variantParamFormat(loaded.regrade.variantParameters, i18n.language, gradeWords), nameOf).map((note, i) => (
            <p key={i} className="sl-class-note" data-testid="class-regrade-note">{note}</p>
          ))}
          <DesignNamerProvider value={nameOf}>
            <CheckResults report={loaded.regrade.report} onShowMe={(atMs) => open(atMs)} />
          </DesignNamerProvider>
        </>
      )}
    </section>
  );
}
