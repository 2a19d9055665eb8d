/**
 * The lesson's common wrong answers: the canvas stored under a name as an edit of the starter (the
 * lesson format's wrongAnswers), each listed with its name in every locale, the checks it must
 * fail, Show on canvas and Delete. The live panel grades each one and flags a check it passes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Graph } from '../../../shared/graph';
import { applyGraphEdit, diffGraphs } from '../../../shared/graphEdit';
import type { GraphEdit, LocalizedText, WrongAnswer } from '../../../shared/lesson';
import { defaultLocale } from '../../../shared/i18n';
import { titleIn } from '../../../shared/studio';
import { LocalizedField } from './LocalizedField';
import { checkNamer } from './checkName';
import type { Studio } from './useStudio';

/** A wrong answer's id from its name: letters and digits joined by "-", made unique in the lesson. */
export function wrongAnswerId(name: string, taken: ReadonlySet<string>): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'wrong';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

const editSize = (edit: Partial<GraphEdit>) => ({
  removed: (edit.removeNodes?.length ?? 0) + (edit.removeEdges?.length ?? 0),
  added: (edit.addNodes?.length ?? 0) + (edit.addEdges?.length ?? 0),
  changed: Object.keys(edit.setProps ?? {}).length,
});

export function WrongAnswers({ studio, canvas, onShow }: { studio: Studio; canvas: Graph; onShow(graph: Graph): void }) {
  const { t, i18n } = useTranslation('studio');
  const [name, setName] = useState('');
  const entry = studio.lesson;
  const lesson = studio.lessonDoc;
  if (!entry || !lesson) return null;
  const wrongs = (lesson.wrongAnswers ?? []) as WrongAnswer[];
  const graded = (lesson.checks ?? []).filter((c) => c.type !== 'quiz').map((c) => c.id);
  const nameOfCheck = checkNamer(lesson.checks as Parameters<typeof checkNamer>[0], i18n.language);
  const store = () => {
    const id = wrongAnswerId(name, new Set(wrongs.map((w) => w.id)));
    const edit = diffGraphs(entry.starter, canvas);
    // Until the author says otherwise, a wrong answer must fail every graded check; the live panel shows which it passes.
    // The name goes in the field of the language it was typed in (the app's), as a new pack's title does: typed in
    // 简体中文 it used to land in the English field, the Chinese one left empty and listed as missing.
    const named = titleIn(name.trim(), defaultLocale([i18n.language]));
    studio.editLesson((l) => void (l.wrongAnswers = [...(l.wrongAnswers ?? []), { id, name: named, edit, fails: graded, mayFail: [] }]));
    setName('');
  };
  const change = (index: number, recipe: (w: WrongAnswer) => void) =>
    studio.editLesson((l) => {
      const wrong = l.wrongAnswers?.[index];
      if (wrong) recipe(wrong as WrongAnswer);
    });
  const reason = graded.length === 0 ? t('wrongNeedsCheck') : !name.trim() ? t('wrongNeedsName') : undefined;
  return (
    <section data-testid="studio-wrong-answers">
      <h4>{t('wrongAnswers')}</h4>
      <p className="sl-muted">{t('wrongHelp')}</p>
      <div className="sl-studio-row">
        <input aria-label={t('wrongName')} placeholder={t('wrongName')} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="wrong-name" />
        <button type="button" disabled={reason !== undefined} title={reason} onClick={store} data-testid="use-as-wrong">
          {t('useAsWrong')}
        </button>
      </div>
      {reason && graded.length === 0 && <p className="sl-muted">{reason}</p>}
      <ul className="sl-studio-faults">
        {wrongs.map((wrong, i) => {
          const size = editSize(wrong.edit);
          return (
            <li key={wrong.id} data-wrong={wrong.id}>
              <LocalizedField label={t('wrongNameOf', { id: wrong.id })} value={wrong.name} onChange={(next: LocalizedText) => change(i, (w) => void (w.name = next))} testId={`wrong-name-${wrong.id}`} />
              <span className="sl-muted">{t('wrongEditSize', size)}</span>
              <div className="sl-studio-row">
                <span>{t('mustFail')}</span>
                {graded.map((checkId) => (
                  <label key={checkId} className="sl-studio-inline" title={checkId}>
                    <input
                      type="checkbox"
                      checked={wrong.fails.includes(checkId)}
                      onChange={() => change(i, (w) => void (w.fails = w.fails.includes(checkId) ? w.fails.filter((c) => c !== checkId) : [...w.fails, checkId]))}
                    />
                    {nameOfCheck(checkId)}
                  </label>
                ))}
              </div>
              {wrong.fails.length === 0 && <p className="sl-error">{t('wrongNeedsFail')}</p>}
              <div className="sl-studio-row">
                <button type="button" onClick={() => onShow(applyGraphEdit(entry.starter, wrong.edit))}>{t('showOnCanvas')}</button>
                <button type="button" onClick={() => studio.editLesson((l) => void (l.wrongAnswers = (l.wrongAnswers ?? []).filter((_, j) => j !== i)))}>{t('remove')}</button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
