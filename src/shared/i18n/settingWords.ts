/**
 * A node's setting as the properties panel labels it, in each app language, for a pack problem's
 * sentence ("Starter › Node “api-2” › Health check › Interval", "… › 健康检查 › 间隔"): the English
 * label is derived from the setting's key (`labelOf`, what the panel's English form shows), the
 * 简体中文 one is the domain namespace's (`domainZhCN.props`, what the panel's Chinese form shows),
 * so the studio, `pack:validate` and the panel say the same word. Pure.
 */
import { domainZhCN } from './domainZhCN';
import type { Template } from './messages';

/** Words that read as abbreviations: `tokenTtlMs` → "Token TTL", not "Token ttl". */
const ABBREVIATIONS: Readonly<Record<string, string>> = { ttl: 'TTL' };

/** Keys whose words alone read wrong: `nonOwner` is not "Non owner" but what the setting is about. */
const FIELD_LABELS: Readonly<Record<string, string>> = { rps: 'Rate', nonOwner: 'Keys it does not own' };

/** `callTimeoutMs` → "Call timeout"; `rps` → "Rate"; `leaseTtlMs` → "Lease TTL". */
export function labelOf(key: string): string {
  if (Object.hasOwn(FIELD_LABELS, key)) return FIELD_LABELS[key]!;
  const words = key.replace(/(Ms|Rps)$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(' ').map((w) => ABBREVIATIONS[w] ?? w).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A setting's message key: `setting.<kind>.<key path>` ("setting.load-balancer.healthCheck.intervalMs"). */
export type SettingKey = `setting.${string}`;
export const settingKey = (kind: string, path: readonly string[]): SettingKey => `setting.${kind}.${path.join('.')}`;

type ZhTree = { readonly [key: string]: unknown };
/** The parts of a props entry that are its texts, not a nested setting. */
const TEXT_PARTS = new Set(['label', 'description', 'options']);

function collect(tree: ZhTree, kind: string, parent: readonly string[], into: Record<SettingKey, Template>): void {
  for (const [key, entry] of Object.entries(tree)) {
    if (TEXT_PARTS.has(key) || typeof entry !== 'object' || entry === null) continue;
    const label = (entry as { label?: unknown }).label;
    if (typeof label !== 'string') continue;
    const path = [...parent, key];
    into[settingKey(kind, path)] = { en: labelOf(key), 'zh-CN': label };
    collect(entry as ZhTree, kind, path, into);
  }
}

/** Every node kind's settings (and a connection's, `edge`), each level its own label: `setting.load-balancer.healthCheck` → "Health check"/"健康检查". */
export const SETTING_TEXTS: Readonly<Record<SettingKey, Template>> = (() => {
  const into: Record<SettingKey, Template> = {};
  for (const [kind, tree] of Object.entries(domainZhCN.props)) collect(tree as ZhTree, kind, [], into);
  return into;
})();
