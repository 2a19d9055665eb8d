/**
 * Per-student ranges (lesson `variants`): add a range for a fault's time, a fault parameter or a
 * starter node's setting (the fields variantTargets finds on this lesson), edit its id, label, min,
 * max, step and unit, see what is wrong with it where it is, and preview the values a named student
 * gets. The live panel then also grades starter and reference as sampled students get them.
 */
import { labelColon } from '../i18n/format';
import type { Draft } from 'immer';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Graph } from '../../../shared/graph';
import type { Scenario } from '../../../shared/scenario';
import { VARIANT_LIMITS, VARIANT_UNITS, type LessonVariants, type VariantParameter, type VariantUnit } from '../../../shared/variants';
import { formatParameter } from '../../../shared/i18n/variantText';
import { useDomain } from '../i18n/useDomain';
import { LocalizedField } from './LocalizedField';
import { NumberBox } from './NumberBox';
import type { Studio } from './useStudio';
import { useStudioNamer } from './useStudioNamer';
import { variantTargetText, variantWords } from './variantNames';
import { newParameter, previewVariant, rangeSize, variantProblems, variantTargets, withSetting, type VariantTarget } from './variantEdit';

export function VariantsEditor({ studio }: { studio: Studio }) {
  const { t, i18n } = useTranslation('studio');
  const d = useDomain();
  const nameOf = useStudioNamer(studio.lesson);
  const [pick, setPick] = useState('');
  const [student, setStudent] = useState('');
  const lesson = studio.lessonDoc;
  const starter = studio.lesson?.starter as Graph | undefined;
  if (!lesson) return null;
  const parameters = ((lesson.variants as LessonVariants | undefined)?.parameters ?? []) as VariantParameter[];
  const targets = variantTargets(lesson.scenario as Partial<Scenario>, starter);
  // The field in words (the node's name, the properties panel's label, the fault as the timeline names it); the path in the tooltip.
  const words = variantWords(t, d, nameOf);
  const targetName = (target: VariantTarget | undefined, path: string) => (target ? variantTargetText(target, words) : path);
  const byPath = new Map(targets.map((x) => [x.path, x]));
  // A field one range already sets is not offered again.
  const free = targets.filter((x) => !parameters.some((p) => p.sets.includes(x.path)));
  const chosen = free.find((x) => x.path === pick) ?? free[0];
  const editParam = (i: number, recipe: (p: Draft<VariantParameter>) => void) =>
    studio.editLesson((l) => {
      const p = (l.variants as Draft<LessonVariants> | undefined)?.parameters[i];
      if (p) recipe(p);
    });
  /** Points field k of range i at another field (writing a default setting into the starter and reference nodes); k = its length adds one. */
  const setTarget = (i: number, k: number, to: string) => {
    const target = byPath.get(to);
    studio.editLesson((l, entry) => {
      const p = (l.variants as Draft<LessonVariants> | undefined)?.parameters[i];
      if (!p) return;
      p.sets[k] = to;
      if (target?.isDefault) {
        entry.starter = withSetting(entry.starter as Graph, target) as Draft<Graph>;
        if (entry.reference) entry.reference = withSetting(entry.reference as Graph, target) as Draft<Graph>;
      }
    });
  };
  const removeField = (i: number, k: number) => editParam(i, (p) => void p.sets.splice(k, 1));
  const add = () => {
    if (!chosen) return;
    const next = newParameter(chosen, new Set(parameters.map((p) => p.id)));
    studio.editLesson((l, entry) => {
      const v = (l.variants ??= { parameters: [] }) as Draft<LessonVariants>;
      v.parameters.push(next);
      if (chosen.isDefault) {
        entry.starter = withSetting(entry.starter as Graph, chosen) as Draft<Graph>;
        if (entry.reference) entry.reference = withSetting(entry.reference as Graph, chosen) as Draft<Graph>;
      }
    });
  };
  const remove = (i: number) =>
    studio.editLesson((l) => {
      const v = l.variants as Draft<LessonVariants> | undefined;
      if (!v) return;
      v.parameters.splice(i, 1);
      if (v.parameters.length === 0) delete l.variants;
    });
  const preview = student.trim() ? previewVariant(lesson.id, lesson.variants, student) : undefined;
  const localized = (p: VariantParameter) => p.label[i18n.language]?.trim() || p.label.en || p.id;
  return (
    <section className="sl-studio-tab" data-testid="studio-variants" aria-label={t('variant.title')}>
      <h4>{t('variant.title')}</h4>
      <p className="sl-muted">{t('variant.help')}</p>
      <ul className="sl-studio-faults">
        {parameters.map((p, i) => {
          const problems = variantProblems(parameters, i, lesson as { scenario?: unknown; locked?: string[] }, starter);
          // Every field the range sets has its own picker (a lesson written by hand may set several).
          const others = free.filter((x) => !p.sets.includes(x.path));
          return (
            <li key={i} data-testid={`variant-row-${i}`} data-variant={p.id}>
              <div className="sl-studio-row">
                {p.sets.map((path, k) => (
                  <span key={k} className="sl-studio-inline" data-testid={`variant-field-${k}`}>
                    <label className="sl-studio-inline">
                      {k === 0 ? t('variant.sets') : t('variant.alsoSets')}{' '}
                      <select value={path} onChange={(e) => setTarget(i, k, e.target.value)}>
                        {[...new Set([path, ...targets.map((x) => x.path)])].map((x) => (
                          <option key={x} value={x} title={x}>{targetName(byPath.get(x), x)}</option>
                        ))}
                      </select>
                    </label>
                    {p.sets.length > 1 && (
                      <button type="button" className="sl-link" aria-label={t('variant.removeField')} title={t('variant.removeField')} onClick={() => removeField(i, k)}>×</button>
                    )}
                  </span>
                ))}
                {others[0] && p.sets.length < VARIANT_LIMITS.setsMax && (
                  <button type="button" className="sl-link" data-testid="variant-add-field" onClick={() => setTarget(i, p.sets.length, others[0]!.path)}>{t('variant.addField')}</button>
                )}
                <label className="sl-studio-inline">
                  {t('variant.id')} <input value={p.id} data-testid="variant-id" onChange={(e) => editParam(i, (d) => void (d.id = e.target.value))} />
                </label>
                <button type="button" className="sl-link" onClick={() => remove(i)}>{t('remove')}</button>
              </div>
              <div className="sl-studio-row">
                <NumberBox label={t('variant.min')} testId="variant-min" value={p.min} onChange={(v) => editParam(i, (d) => void (d.min = v))} />
                <NumberBox label={t('variant.max')} testId="variant-max" value={p.max} onChange={(v) => editParam(i, (d) => void (d.max = v))} />
                <NumberBox label={t('variant.step')} testId="variant-step" value={p.step} onChange={(v) => editParam(i, (d) => void (d.step = v))} />
                <label className="sl-studio-inline">
                  {t('unit')}{' '}
                  <select value={p.unit ?? 'count'} onChange={(e) => editParam(i, (d) => void (d.unit = e.target.value as VariantUnit))}>
                    {VARIANT_UNITS.map((u) => (
                      <option key={u} value={u}>{t(`variant.units.${u}`)}</option>
                    ))}
                  </select>
                </label>
                {rangeSize(p) > 0 && <span className="sl-muted">{t('variant.values', { count: rangeSize(p) })}</span>}
              </div>
              <LocalizedField label={t('variant.label')} value={p.label} testId={`variant-label-${i}`} onChange={(v) => editParam(i, (d) => void (d.label = { ...v, en: v.en ?? '' }))} />
              {problems.map((x, j) => (
                <p key={j} className="sl-error" role="alert" data-testid="variant-problem">
                  {t(`variant.problems.${x.key}`, x.key === 'notLocked' ? { node: nameOf(String(x.params?.node)) } : (x.params ?? {}))}
                  {x.key === 'notLocked' && (
                    <>
                      {' '}
                      <button type="button" className="sl-link" onClick={() => studio.toggleLocks([String(x.params?.node)])}>{t('variant.lockIt')}</button>
                    </>
                  )}
                </p>
              ))}
            </li>
          );
        })}
      </ul>
      {targets.length === 0 ? (
        <p className="sl-muted">{t('variant.noTargets')}</p>
      ) : (
        parameters.length < VARIANT_LIMITS.parametersMax &&
        free.length > 0 && (
          <div className="sl-studio-row">
            <select aria-label={t('variant.sets')} data-testid="variant-target" value={chosen?.path ?? ''} onChange={(e) => setPick(e.target.value)}>
              {free.map((x) => (
                <option key={x.path} value={x.path} title={x.path}>{targetName(x, x.path)}</option>
              ))}
            </select>
            <button type="button" data-testid="variant-add" onClick={add}>{t('variant.add')}</button>
          </div>
        )
      )}
      {parameters.length > 0 && (
        <div className="sl-studio-variant-preview" data-testid="variant-preview">
          <label className="sl-studio-inline">
            {t('variant.previewAs')} <input data-testid="variant-student" value={student} placeholder={t('variant.studentPlaceholder')} onChange={(e) => setStudent(e.target.value)} />
          </label>
          {student.trim() !== '' && !preview && <p className="sl-error" role="alert">{t('variant.previewInvalid')}</p>}
          {preview && (
            <ul data-testid="variant-preview-values">
              {parameters.map((p) => (
                <li key={p.id} data-value-of={p.id}>
                  {localized(p)}{labelColon(i18n.language)}<strong>{formatParameter(p, preview.values[p.id] ?? p.min, i18n.language)}</strong>
                </li>
              ))}
              <li data-value-of="seed">
                {t('seed')}{labelColon(i18n.language)}<strong>{preview.seed}</strong>
              </li>
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
