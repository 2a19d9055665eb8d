/**
 * The lesson's node names in every language (lesson field `nodeNames`, shared/nodeNames.ts), one
 * row per node of its starter and reference. The English name is the node's label in those graphs:
 * editing it relabels the node there too, so the two never disagree (pack:validate requires it).
 */
import { useTranslation } from 'react-i18next';
import type { Graph, GraphNode } from '../../../shared/graph';
import type { NodeNames } from '../../../shared/nodeNames';
import { LocalizedField } from './LocalizedField';
import type { Studio } from './useStudio';

type Name = { en: string; [locale: string]: string | undefined };

export function NodeNamesEditor({ studio, starter, reference }: { studio: Studio; starter: Graph; reference: Graph | undefined }) {
  const { t } = useTranslation('studio');
  const names = (studio.lessonDoc?.nodeNames ?? {}) as NodeNames;
  const nodes = new Map<string, GraphNode>();
  for (const node of [...starter.nodes, ...(reference?.nodes ?? [])]) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const rename = (id: string, next: Name) =>
    studio.editLesson((lesson, entry) => {
      for (const graph of [entry.starter, entry.reference]) {
        const node = graph?.nodes.find((n) => n.id === id);
        if (node) node.label = next.en;
      }
      const kept = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v.trim() !== ''));
      const all = { ...((lesson.nodeNames ?? {}) as NodeNames) };
      // A node named only in English needs no entry: its label says it.
      if (Object.keys(kept).some((locale) => locale !== 'en')) all[id] = { ...kept, en: next.en };
      else delete all[id];
      lesson.nodeNames = Object.keys(all).length > 0 ? all : undefined;
    });
  return (
    <section data-testid="studio-node-names">
      <h4>{t('nodeNames')}</h4>
      <p className="sl-muted">{t('nodeNamesHelp')}</p>
      {[...nodes.values()].map((node) => (
        <LocalizedField key={node.id} label={t('nodeNameOf', { id: node.id })} testId={`node-name-${node.id}`} value={names[node.id] ?? { en: node.label }} onChange={(next) => rename(node.id, next)} />
      ))}
    </section>
  );
}
