/** The lesson's designs (starter, reference and common wrong answers from the canvas), the nodes it locks, and the palette the student gets. */
import { labelColon } from '../i18n/format';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS, type Graph } from '../../../shared/graph';
import type { NodeNames } from '../../../shared/nodeNames';
import { useDomain } from '../i18n/useDomain';
import type { Studio } from './useStudio';
import { WrongAnswers } from './WrongAnswers';
import { NodeNamesEditor } from './NodeNamesEditor';
import { useLessonNodeNames, useNodeName } from '../i18n/nodeNames';
import { addKnownNames } from './nodeNamesEdit';
import { useKindNames } from './useStudioNamer';

interface Props {
  studio: Studio;
  /** The design on the canvas now. */
  canvas: Graph;
  /** Nodes selected on the canvas. */
  selectedNodes: ReadonlySet<string>;
  /** Puts a design on the canvas (one undoable edit). */
  onShow(graph: Graph): void;
}

export function DesignTab({ studio, canvas, selectedNodes, onShow }: Props) {
  const { t, i18n } = useTranslation('studio');
  const d = useDomain();
  const nameOf = useNodeName();
  const shownNames = useLessonNodeNames();
  const kindNames = useKindNames();
  const entry = studio.lesson;
  const lesson = studio.lessonDoc;
  if (!entry || !lesson) return null;
  const locked = new Set(lesson.locked ?? []);
  const palette = lesson.palette;
  const toggleLock = studio.toggleLocks;
  const togglePalette = (kind: (typeof NODE_KINDS)[number]) =>
    studio.editLesson((l) => {
      const current = new Set(l.palette ?? NODE_KINDS);
      if (current.has(kind)) current.delete(kind);
      else current.add(kind);
      l.palette = current.size === NODE_KINDS.length ? undefined : NODE_KINDS.filter((k) => current.has(k));
    });
  // The design taken brings the names the app has for its nodes (a node added from the palette in either
  // language, its kind's name in each), its nodes labelled in English.
  const takeCanvasAs = (design: 'starter' | 'reference') =>
    studio.editLesson((l, e) => {
      e[design] = addKnownNames(l as { nodeNames?: NodeNames }, canvas, shownNames, kindNames);
    });
  const nodeCount = (g: Graph | undefined) => (g ? t('nodes', { count: g.nodes.length }) : t('none'));
  return (
    <div className="sl-studio-tab" data-testid="studio-design">
      <section>
        <h4>{t('designs')}</h4>
        <div className="sl-studio-design-row">
          <span>
            {t('starter')}{labelColon(i18n.language)}<span className="sl-muted" data-testid="starter-size">{nodeCount(entry.starter)}</span>
          </span>
          <button type="button" onClick={() => takeCanvasAs('starter')}>{t('useAsStarter')}</button>
          <button type="button" onClick={() => onShow(entry.starter)}>{t('showOnCanvas')}</button>
        </div>
        <div className="sl-studio-design-row">
          <span>
            {t('reference')}{labelColon(i18n.language)}<span className="sl-muted" data-testid="reference-size">{nodeCount(entry.reference)}</span>
          </span>
          <button type="button" onClick={() => takeCanvasAs('reference')}>{t('useAsReference')}</button>
          <button type="button" disabled={!entry.reference} onClick={() => entry.reference && onShow(entry.reference)}>{t('showOnCanvas')}</button>
        </div>
      </section>
      <WrongAnswers studio={studio} canvas={canvas} onShow={onShow} />
      <NodeNamesEditor studio={studio} starter={entry.starter} reference={entry.reference} />
      <section>
        <h4>{t('lockedNodes')}</h4>
        <p className="sl-muted">{t('lockHelp')}</p>
        <div className="sl-studio-row">
          <button type="button" aria-pressed={studio.isLockMode} className={studio.isLockMode ? 'is-active' : undefined} data-testid="lock-mode" onClick={() => studio.setLockMode(!studio.isLockMode)}>
            {t('lockByClicking')}
          </button>
          <button type="button" disabled={selectedNodes.size === 0} onClick={() => toggleLock(selectedNodes)}>
            {t('lockSelected', { count: selectedNodes.size })}
          </button>
        </div>
        <ul className="sl-studio-checks">
          {entry.starter.nodes.map((node) => (
            <li key={node.id}>
              <label>
                <input type="checkbox" checked={locked.has(node.id)} onChange={() => toggleLock([node.id])} /> {nameOf(node)} <span className="sl-muted">({d.kind(node.kind)})</span>
              </label>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h4>{t('palette')}</h4>
        <ul className="sl-studio-checks sl-studio-columns">
          {NODE_KINDS.map((kind) => (
            <li key={kind}>
              <label>
                <input type="checkbox" checked={!palette || palette.includes(kind)} onChange={() => togglePalette(kind)} /> {d.kind(kind)}
              </label>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
