/**
 * The live verification: per check, how many seeds the starter, the reference and each common wrong
 * answer passed, with what they measured, flagging a free point (the starter passes), a flaky check
 * (the reference fails on some seed) and a wrong answer passing a check it must fail; for a lesson with
 * variants, also starter and reference as sampled students get them. Re-runs a moment after each edit.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/lesson';
import { STUDIO_LIMITS, wrongDesign, type VerifyCheckRow, type VerifyDesign } from '../../../shared/studio';
import type { GradeParamFormat } from '../../../shared/i18n/gradeTexts';
import { variantValuesText, type VariantLabel } from '../../../shared/i18n/variantText';
import { formatPercent, labelColon, listSeparator } from '../i18n/format';
import { gradeParamWords } from '../i18n/useDomain';
import type { Studio } from './useStudio';
import { cellReason, cellValues, rowBound, verifyReasons } from './verifyText';
import { checkNamer, plainMarkdown } from './checkName';
import { InlineMarkdown } from '../lesson/Markdown';

export function VerifyPanel({ studio }: { studio: Studio }) {
  const { t, i18n } = useTranslation('studio');
  const { verify } = studio;
  const localized = (text: LocalizedText) => text[i18n.language]?.trim() || text.en;
  const wrongs = new Map((studio.lessonDoc?.wrongAnswers ?? []).map((w) => [w.id, localized(w.name as LocalizedText) || w.id]));
  const designs: VerifyDesign[] = ['starter', 'reference', ...[...wrongs.keys()].map(wrongDesign)];
  const designName = (design: VerifyDesign) => (design.startsWith('wrong:') ? (wrongs.get(design.slice('wrong:'.length)) ?? design) : t(design));
  const { t: d } = useTranslation('domain');
  const words = useMemo(() => gradeParamWords(d), [d]);
  const checkName = checkNamer(studio.lessonDoc?.checks as Parameters<typeof checkNamer>[0], i18n.language);
  // A sampled student's numbers as the student's variant card words them: each by its label, with its unit.
  const parameters = (studio.lessonDoc as { variants?: { parameters?: VariantLabel[] } } | undefined)?.variants?.parameters;
  const studentValues = (values: Readonly<Record<string, number>>) => variantValuesText(parameters, values, i18n.language);
  return (
    <section className="sl-studio-verify" data-testid="verify-panel" aria-label={t('verifyTitle')}>
      <div className="sl-studio-row">
        <h4>{t('verifyTitle')}</h4>
        <label className="sl-studio-inline">
          {t('seeds')} <input type="number" min={1} max={STUDIO_LIMITS.seedsMax} value={studio.seeds} onChange={(e) => studio.setSeeds(Math.min(STUDIO_LIMITS.seedsMax, Math.max(1, Math.round(Number(e.target.value)))))} />
        </label>
        <button type="button" onClick={() => void studio.runVerify()} disabled={!studio.lesson}>{t('verifyNow')}</button>
      </div>
      {verify.state === 'idle' && <p className="sl-muted">{t('verifyIdle')}</p>}
      {verify.state === 'error' && <p className="sl-error" role="alert">{verify.message}</p>}
      {verify.state === 'running' && (
        <p role="status" className="sl-muted" data-testid="verify-status">
          <progress max={1} value={verify.fraction} /> {verify.queuePosition ? t('verifyQueued', { position: verify.queuePosition }) : t('verifying', { percent: formatPercent(verify.fraction, i18n.language, 0) })}
        </p>
      )}
      {verify.state === 'done' && (
        <div className={verify.isStale ? 'sl-studio-stale' : undefined} data-stale={verify.isStale ? 'true' : undefined}>
          {verify.isStale && (
            <p role="status" className="sl-studio-stale-note" data-testid="verify-stale">{t('verifyStale')}</p>
          )}
          {verify.result.errors.map((e) => (
            <p key={e.design} className="sl-error">{designName(e.design)}: {e.message}</p>
          ))}
          {verify.result.checks.length === 0 && <p className="sl-muted">{t('noChecks')}</p>}
          <VerifyTable rows={verify.result.checks} designs={designs} designName={designName} words={words} wrongs={wrongs} checkName={checkName} />
          <VerifyReasons rows={verify.result.checks} designs={designs} designName={designName} words={words} />
          {verify.result.variants && (
            <div data-testid="verify-variants">
              <h5>{t('variantRows', { n: verify.result.variants.students.length })}</h5>
              <VerifyTable rows={verify.result.variants.checks} designs={designs.filter((x) => x === 'starter' || x === 'reference')} designName={designName} words={words} wrongs={wrongs} checkName={checkName} />
              <VerifyReasons rows={verify.result.variants.checks} designs={designs.filter((x) => x === 'starter' || x === 'reference')} designName={designName} words={words} />
              <p className="sl-muted" title={verify.result.variants.students.map((s) => `${s.student}${labelColon(i18n.language)}${studentValues(s.values)}`).join('\n')}>
                {t('variantStudents', { list: studentRange(verify.result.variants.students.map((s) => s.student)) })}
              </p>
            </div>
          )}
          <p className="sl-muted">{t('seedsUsed', { seeds: verify.result.seeds.join(listSeparator(i18n.language)) })}</p>
        </div>
      )}
    </section>
  );
}

/** "student-1 … student-10" (hover shows each one's values). */
const studentRange = (names: string[]) => (names.length > 2 ? `${names[0]} … ${names[names.length - 1]}` : names.join(', '));

interface TableProps {
  rows: VerifyCheckRow[];
  designs: VerifyDesign[];
  designName(design: VerifyDesign): string;
  words: GradeParamFormat;
  wrongs: Map<string, string>;
  /** A check's name by its id (its title in the author's language). */
  checkName(id: string): string;
}

/** Why some checks of a design could not be evaluated, each reason once under the table (the cells say "not evaluated"). */
function VerifyReasons({ rows, designs, designName, words }: Omit<TableProps, 'wrongs' | 'checkName'>) {
  const { i18n } = useTranslation('studio');
  const reasons = verifyReasons(rows, designs, i18n.language, words);
  if (reasons.length === 0) return null;
  return (
    <ul className="sl-studio-verify-reasons" data-testid="verify-reasons">
      {reasons.map((r) => (
        <li key={`${r.design} ${r.text}`} data-design={r.design}>
          <strong>{designName(r.design)}</strong>
          {labelColon(i18n.language)}
          {r.text}
        </li>
      ))}
    </ul>
  );
}

/** Per check, per design: passes out of runs, the first measured values, the flags. */
function VerifyTable({ rows, designs, designName, words, wrongs, checkName }: TableProps) {
  const { t, i18n } = useTranslation('studio');
  const locale = i18n.language;
  return (
    <table className="sl-studio-verify-table">
      <thead>
        <tr>
          <th>{t('check')}</th>
          {designs.map((design) => (
            <th key={design} data-design={design} title={designName(design)}>
              <span className="sl-studio-verify-design">{designName(design)}</span>
            </th>
          ))}
          <th>{t('flags')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.checkId} data-check={row.checkId}>
            {/* The check by its title in the author's language, as the Checks tab's picker names it (at most three lines); the whole title and the id in its tooltip. */}
            <td className="sl-studio-verify-check-cell" title={`${plainMarkdown(checkName(row.checkId))}\n${row.checkId}`}>
              <span className="sl-studio-verify-check" data-testid="verify-check">
                <InlineMarkdown text={checkName(row.checkId)} />
              </span>
              {row.bound !== undefined && <div className="sl-muted" data-testid="verify-bound">{rowBound(row, locale)}</div>}
            </td>
            {designs.map((design) => {
              const cell = row.designs[design];
              if (!cell) return <td key={design} className="sl-muted">{t('none')}</td>;
              const isAll = cell.passed === cell.total;
              const values = cellValues(row, cell, locale);
              const reason = cellReason(cell, locale, words);
              return (
                <td key={design} data-design={design} className={cell.passed === 0 ? 'is-fail' : isAll ? 'is-pass' : 'is-mixed'} title={[values.all, reason].filter(Boolean).join('\n')}>
                  {t('passCount', { passed: cell.passed, total: cell.total })}
                  {cell.measured.some((v) => v !== null) && (
                    <div className="sl-muted" data-testid="verify-values">
                      {/* Each value on one line (never "238.6 / 毫秒"); the list wraps between them. */}
                      {values.items.map((text, i) => (
                        <span key={i} className="sl-studio-verify-value">
                          {text}
                          {i < values.items.length - 1 ? values.separator : values.isCut ? '…' : ''}
                        </span>
                      ))}
                    </div>
                  )}
                  {reason !== undefined && <div className="sl-studio-not-evaluated" data-testid="verify-not-evaluated">{t('notEvaluated')}</div>}
                </td>
              );
            })}
            <td data-testid="verify-flags">
              {row.isFreePoint && <span className="sl-studio-flag">{t('freePoint')}</span>}
              {/* A reference that fails on every seed is no flake: no student can pass the check as it stands. */}
              {row.isFlaky && (row.designs.reference?.passed === 0 ? <span className="sl-studio-flag" data-flag="reference-fails">{t('referenceFails')}</span> : <span className="sl-studio-flag" data-flag="flaky">{t('flaky')}</span>)}
              {row.wrongPasses.map((id) => (
                <span key={id} className="sl-studio-flag" data-wrong-passes={id}>{t('wrongPasses', { name: wrongs.get(id) ?? id })}</span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
