// A locked node cannot be edited or deleted in the editor, so a reference solution that changes
// one could never be reached by a student: every lesson must be solvable within its locks.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSource } from '../../../src/main/packs/source';
import { loadPack } from '../../../src/main/packs/validate';

const BUILTIN = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');

describe('built-in lessons are solvable within their locks', () => {
  it('no reference solution edits, re-kinds or removes a locked node', async () => {
    const pack = await loadPack(folderSource(BUILTIN));
    const offending: string[] = [];
    for (const { lesson, starter, reference } of pack.lessons) {
      for (const id of lesson.locked) {
        const before = starter.nodes.find((n) => n.id === id);
        const after = reference?.nodes.find((n) => n.id === id);
        if (!before) continue;
        if (!after || after.kind !== before.kind || JSON.stringify(after.props) !== JSON.stringify(before.props)) offending.push(`${lesson.id}: ${id}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
