/**
 * The studio's lesson's nodes by name (shared/nodeNames.ts), for views that hold only ids (the
 * scenario's faults and timeline, the per-student ranges): a node of the starter or the reference,
 * named as the canvas names it in the app's language, a connection by its two ends; an unknown id
 * as itself.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/lesson';
import type { StudioLesson } from '../../../shared/studio';
import { useNodeNamer } from '../i18n/nodeNames';
import type { KindNames } from './nodeNamesEdit';

export function useStudioNamer(entry: Pick<StudioLesson, 'starter' | 'reference'> | undefined): (id: string) => string {
  const starter = entry?.starter;
  const reference = entry?.reference;
  // The starter's node wins where both have it (a student starts from it).
  const nodes = useMemo(() => [...(reference?.nodes ?? []), ...(starter?.nodes ?? [])], [starter, reference]);
  const edges = useMemo(() => [...(reference?.edges ?? []), ...(starter?.edges ?? [])], [starter, reference]);
  return useNodeNamer(nodes, edges);
}

/** A node kind's name in every language a lesson is written in, as the palette names a new node ("Service" / "服务"). */
export function useKindNames(): KindNames {
  const { i18n } = useTranslation();
  return useCallback((kind) => ({ ...Object.fromEntries(LOCALES.map((locale) => [locale, i18n.getFixedT(locale, 'domain')(`kinds.${kind}.label`)])), en: i18n.getFixedT('en', 'domain')(`kinds.${kind}.label`) }), [i18n]);
}
