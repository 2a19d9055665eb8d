/**
 * The studio's lesson's nodes by name (shared/nodeNames.ts), for views that hold only ids (the
 * scenario's faults and timeline, the per-student ranges): a node of the starter or the reference,
 * named as the canvas names it in the app's language, a connection by its two ends; an unknown id
 * as itself.
 */
import { useMemo } from 'react';
import type { StudioLesson } from '../../../shared/studio';
import { useNodeNamer } from '../i18n/nodeNames';

export function useStudioNamer(entry: Pick<StudioLesson, 'starter' | 'reference'> | undefined): (id: string) => string {
  const starter = entry?.starter;
  const reference = entry?.reference;
  // The starter's node wins where both have it (a student starts from it).
  const nodes = useMemo(() => [...(reference?.nodes ?? []), ...(starter?.nodes ?? [])], [starter, reference]);
  const edges = useMemo(() => [...(reference?.edges ?? []), ...(starter?.edges ?? [])], [starter, reference]);
  return useNodeNamer(nodes, edges);
}
