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
import { setNodeName } from './nodeNamesEdit';

type Name = { en: string; [locale: string]: string | undefined };

export function NodeNamesEditor({ studio, starter, reference }: { studio: Studio; starter: Graph; reference: Graph | undefined }) {
  const { t } = useTranslation('studio');
  const names = (studio.lessonDoc?.nodeNames ?? {}) as NodeNames;
  const nodes = new Map<string, GraphNode>();
  for (const node of [...starter.nodes, ...(reference?.nodes ?? [])]) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const rename = (id: string, next: Name) => studio.editLesson((lesson, entry) => setNodeName(lesson as { nodeNames?: NodeNames }, [entry.starter, entry.reference], id, next));
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
