import { errorMessage, errorTextIn, type ErrorMessage } from '../../../shared/i18n/errorTexts';
import type { Issue } from '../../../shared/i18n/issues';
import { englishGrade, gradeText, type GradeMessage } from '../../../shared/i18n/gradeTexts';
import { useTranslation } from 'react-i18next';
import { failureText } from '../i18n/useErrorText';
import { useClassStrings } from './strings';
/**
 * Where the dashboard's rows come from: a picked folder of submissions, graded by the host in
 * batches (each under the bridge's payload limit) with progress and cancel; or a grades CSV from
 * `npm run grade`. Both end as one grades CSV read by parseGradesCsv, so the two agree by construction.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import { CLASS_CSV_LIMITS, parseGradesCsv, type ClassResults, type ClassRow } from '../../../shared/classResults';
import { CLASS_BATCH_FILES_MAX, MAX_PAYLOAD_BYTES } from '../../../shared/ipc';
import { encodedBytes, tooLargeMessage } from '../../../shared/payloadSize';
import { SUBMISSION_LIMITS } from '../../../shared/submission';

/** Far above a class; refuses a mis-picked home folder before reading it. */
const CLASS_FOLDER_FILES_MAX = 5_000;
/** Room left in each batch for the request around the files. */
const BATCH_BYTES = MAX_PAYLOAD_BYTES - 64_000;

export type GradingStatus =
  | { state: 'idle' }
  | { state: 'reading' }
  | { state: 'grading'; done: number; total: number; queuePosition?: number }
  | { state: 'cancelled'; done: number; total: number }
  | { state: 'error'; message: string };

/** The file's path inside the picked folder ("class-a/ada.json"), or its name. */
export const pickedName = (file: File) => file.webkitRelativePath || file.name;

/** The most common packId among the first readable files (a peek only: the host validates every file). */
function peekPackId(texts: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const text of texts.slice(0, 50)) {
    const match = /"packId"\s*:\s*"([^"\\]{1,64})"/.exec(text.slice(0, 4000));
    if (match) counts.set(match[1] as string, (counts.get(match[1] as string) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function useClassGrading(api: StateLabApi) {
  const t = useClassStrings();
  const { i18n } = useTranslation();
  const [results, setResults] = useState<ClassResults>();
  const [sourceName, setSourceName] = useState<string>();
  const [packId, setPackId] = useState<string>();
  const [status, setStatus] = useState<GradingStatus>({ state: 'idle' });
  /** Files that never reached the host (too large to send), with why. */
  const [skipped, setSkipped] = useState<string[]>([]);
  /** The picked submission files by name: the drill-down opens designs from them. */
  const [submissions, setSubmissions] = useState<ReadonlyMap<string, File>>(new Map());
  /** Per file the host could not grade, its error as a key (the CSV keeps the English): worded in the app's language. */
  const [errors, setErrors] = useState<ReadonlyMap<string, { text: ErrorMessage; issues?: readonly Issue[] }>>(new Map());
  /** Per file the host graded with another installed pack (the one it names), what its row says of it, as keys. */
  const [hostNotes, setHostNotes] = useState<ReadonlyMap<string, GradeMessage[]>>(new Map());
  const job = useRef<{ id: string; isCancelled: boolean; offset: number; total: number }>(undefined);
  const counter = useRef(0);
  const tabId = useRef(crypto.randomUUID());

  useEffect(
    () =>
      api.on('onDidClassResultsProgress', ({ jobId, done, queuePosition }) => {
        const current = job.current;
        if (!current || !jobId.startsWith(`${current.id}-`) || current.isCancelled) return;
        setStatus({ state: 'grading', done: current.offset + done, total: current.total, ...(queuePosition !== undefined ? { queuePosition } : {}) });
      }),
    [api],
  );

  const rememberFolder = useCallback((picked: readonly File[]) => {
    const json = picked.filter((f) => f.name.toLowerCase().endsWith('.json')).sort((a, b) => (pickedName(a) < pickedName(b) ? -1 : 1));
    setSubmissions(new Map(json.map((f) => [pickedName(f), f])));
    return json;
  }, []);

  const gradeFolder = useCallback(
    async (picked: readonly File[]) => {
      if (job.current) return;
      const folder = picked[0]?.webkitRelativePath.split('/')[0] || 'submissions';
      const files = rememberFolder(picked);
      if (files.length === 0) return setStatus({ state: 'error', message: t('noSubmissions', { folder }) });
      if (files.length > CLASS_FOLDER_FILES_MAX) return setStatus({ state: 'error', message: t('tooManyFiles', { folder, count: files.length, max: CLASS_FOLDER_FILES_MAX }) });
      const id = `class-${tabId.current}-${++counter.current}`;
      const current = { id, isCancelled: false, offset: 0, total: files.length };
      job.current = current;
      setResults(undefined);
      setSkipped([]);
      setSourceName(folder);
      setErrors(new Map());
      setHostNotes(new Map());
      setStatus({ state: 'reading' });
      const notSent: string[] = [];
      let csv = '';
      let pack: string | undefined;
      try {
        let batch: { fileName: string; text: string }[] = [];
        let batchBytes = 0;
        const send = async () => {
          if (batch.length === 0) return;
          pack ??= peekPackId(batch.map((f) => f.text)) ?? 'stateless-vs-stateful';
          setPackId(pack);
          const result = await api.classResultsGrade({ jobId: `${id}-${current.offset}`, packId: pack, files: batch });
          if (current.isCancelled) return;
          if (!result.ok) throw new Error(failureText(result.error, i18n.language));
          csv += result.value.csv;
          const keyed = Object.entries(result.value.errors ?? {});
          if (keyed.length) setErrors((known) => new Map([...known, ...keyed]));
          const noted = Object.entries(result.value.notes ?? {});
          if (noted.length) setHostNotes((known) => new Map([...known, ...noted]));
          current.offset += batch.length;
          setResults(parseGradesCsv(csv, folder));
          batch = [];
          batchBytes = 0;
        };
        for (const file of files) {
          if (current.isCancelled) break;
          const fileName = pickedName(file);
          if (file.size > SUBMISSION_LIMITS.bytes) {
            notSent.push(failureText(errorMessage('at.file', { file: fileName, detail: tooLargeMessage(file.size, SUBMISSION_LIMITS.bytes) }), i18n.language));
            current.total--;
            continue;
          }
          const entry = { fileName, text: await file.text() };
          const bytes = encodedBytes(entry);
          if (bytes > BATCH_BYTES) {
            notSent.push(failureText(errorMessage('at.file', { file: fileName, detail: tooLargeMessage(bytes, BATCH_BYTES) }), i18n.language));
            current.total--;
            continue;
          }
          if (batchBytes + bytes > BATCH_BYTES || batch.length >= CLASS_BATCH_FILES_MAX) await send();
          batch.push(entry);
          batchBytes += bytes;
        }
        if (!current.isCancelled) await send();
        setSkipped(notSent);
        setStatus(current.isCancelled ? { state: 'cancelled', done: current.offset, total: current.total } : { state: 'idle' });
      } catch (error) {
        setStatus({ state: 'error', message: failureText(error, i18n.language) });
      } finally {
        job.current = undefined;
      }
    },
    [api, rememberFolder, t],
  );

  const cancel = useCallback(() => {
    const current = job.current;
    if (!current) return;
    current.isCancelled = true;
    setStatus({ state: 'cancelled', done: current.offset, total: current.total });
    void api.classResultsCancel({ jobId: `${current.id}-${current.offset}` });
  }, [api]);

  const readCsv = useCallback(async (file: File) => {
    if (job.current) return;
    if (file.size > CLASS_CSV_LIMITS.chars) return setStatus({ state: 'error', message: failureText(errorMessage('at.file', { file: file.name, detail: tooLargeMessage(file.size, CLASS_CSV_LIMITS.chars) }), i18n.language) });
    try {
      setResults(parseGradesCsv(await file.text(), file.name));
      setSourceName(file.name);
      setPackId(undefined);
      setSkipped([]);
      setSubmissions(new Map());
      setErrors(new Map());
      setHostNotes(new Map());
      setStatus({ state: 'idle' });
    } catch (error) {
      setStatus({ state: 'error', message: failureText(error, i18n.language) });
    }
  }, []);

  /** Why a row's file could not be graded, in the app's language when the host said it as a key (a CSV read back has only its English). */
  const errorOf = useCallback(
    (row: ClassRow) => {
      const keyed = errors.get(row.file);
      return keyed ? errorTextIn(keyed.text, keyed.issues, i18n.language) : row.error;
    },
    [errors, i18n.language],
  );

  /** What the host said of how a row's file was graded (with its own pack), in the app's language, and the same in English (inside the CSV's notes). */
  const hostNotesOf = useCallback(
    (row: ClassRow) => {
      const keyed = hostNotes.get(row.file) ?? [];
      return { texts: keyed.map((m) => gradeText(m, i18n.language)), english: keyed.map(englishGrade) };
    },
    [hostNotes, i18n.language],
  );

  return { results, sourceName, packId, status, skipped, submissions, gradeFolder, cancel, readCsv, attachFolder: rememberFolder, errorOf, hostNotesOf };
}

/**
 * The picked file a row's `file` names: the same relative path, or (a CSV graded elsewhere, with full
 * paths) the longest tail of a picked path that the row's path ends with.
 */
export function submissionFor(submissions: ReadonlyMap<string, File>, file: string): File | undefined {
  const exact = submissions.get(file);
  if (exact) return exact;
  const wanted = file.replaceAll('\\', '/');
  let best: File | undefined;
  let bestLength = 0;
  for (const [name, picked] of submissions) {
    const parts = name.split('/');
    for (let k = 0; k < parts.length; k++) {
      const tail = parts.slice(k).join('/');
      if (wanted === tail || wanted.endsWith(`/${tail}`)) {
        if (tail.length > bestLength) [best, bestLength] = [picked, tail.length];
        break;
      }
    }
  }
  return best;
}
