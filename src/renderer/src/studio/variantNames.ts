/**
 * What a per-student range sets, as a person reads it (pure): a node's setting by the node's name
 * and the properties panel's label for it (the domain namespace's `props.<kind>.<path>.label`,
 * "Health check › Interval"), a fault's time or parameter by the fault editor's label for it and
 * the fault as the timeline names it ("Crash API 2"). The raw path stays the option's value.
 */
import type { TFunction } from 'i18next';
import type { DomainWords } from '../i18n/useDomain';
import { labelOf } from '../properties/schemaFields';
import type { VariantTarget } from './variantEdit';

export interface VariantWords {
  /** A node (or connection) by its name on the canvas, in the app's language. */
  nameOf(id: string): string;
  /** A fault action's label and a target selector in words (useDomain). */
  fault(action: string): string;
  target(target: string): string;
  /** A props field's label, as the properties panel shows it (useDomain's fieldLabel). */
  fieldLabel(kind: string, path: readonly string[], fallback: string): string;
  /** A fault parameter's label, as the studio's fault editor shows it; `time`: a fault's time. */
  param(name: string): string;
  time: string;
  /** The sentences: "{param} of fault “{fault}”", "{prop} of node “{node}”". */
  faultField(values: { param: string; fault: string }): string;
  nodeField(values: { prop: string; node: string }): string;
}

/** The words from the app's texts: `t` of the studio namespace, the domain's words, the design's node namer. */
export function variantWords(t: TFunction<'studio'>, d: Pick<DomainWords, 'fault' | 'target' | 'fieldLabel'>, nameOf: (id: string) => string): VariantWords {
  return {
    nameOf,
    fault: d.fault,
    target: d.target,
    fieldLabel: d.fieldLabel,
    param: (name) => t(`params.${name}`, { defaultValue: labelOf(name) }),
    time: t('variant.time'),
    faultField: (values) => t('variant.faultField', values),
    nodeField: (values) => t('variant.nodeField', values),
  };
}

/** A node's setting by its dotted key, each level by the properties panel's label: "Health check › Interval". */
export function settingLabel(kind: string, prop: string, fieldLabel: VariantWords['fieldLabel']): string {
  const keys = prop.split('.');
  return keys.map((key, i) => fieldLabel(kind, keys.slice(0, i + 1), labelOf(key))).join(' › ');
}

/** What a range's field is, in words: "Time of fault “Crash API 2”", "Rate of node “Users”". */
export function variantTargetText(target: VariantTarget, w: VariantWords): string {
  const about = target.about;
  if ('fault' in about) return w.faultField({ param: about.param === 'atMs' ? w.time : w.param(about.param), fault: `${w.fault(about.action)} ${w.target(w.nameOf(about.target))}` });
  return w.nodeField({ prop: settingLabel(about.kind, about.prop, w.fieldLabel), node: w.nameOf(about.node) });
}
