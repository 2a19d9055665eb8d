/** Nesting bound for untrusted JSON values (the bound itself, and the check on text, live in shared/json.ts). */
import { JSON_DEPTH_MAX } from '../../shared/json';

export { JSON_DEPTH_MAX };

/** The JSON path of the first place nested deeper than `max` levels, or undefined. Iterative: it cannot overflow itself. */
export function tooDeep(value: unknown, max = JSON_DEPTH_MAX): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value: v, depth, path } = stack.pop() as { value: unknown; depth: number; path: string };
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return path === '' ? '(document root)' : path;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: `${path}[${i}]` }));
    else for (const [key, item] of Object.entries(v)) stack.push({ value: item, depth: depth + 1, path: path === '' ? key : `${path}.${key}` });
  }
  return undefined;
}
