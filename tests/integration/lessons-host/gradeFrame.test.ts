// The app's own grading channel holds the lesson's frame: a design with a second client gets the
// starter's grade, and the report it returns says the client was removed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import { folderSource } from '../../../src/main/packs/source';
import { loadPack } from '../../../src/main/packs/validate';
import type { GradeReport } from '../../../src/shared/gradeReport';
import type { Graph } from '../../../src/shared/graph';

const BUILTIN = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');
const ctx = { emit: () => {} };

describe('lessons:grade', () => {
  it('grades a design with a second client as the starter, with a note saying it was removed', async () => {
    const h = createHost({ host: 'web', builtinPackDirs: [BUILTIN], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-data-')) });
    const { starter } = (await loadPack(folderSource(BUILTIN))).lessons.find((l) => l.lesson.id === 'any-instance')!;
    const users = starter.nodes.find((n) => n.id === 'users')!;
    const tampered: Graph = {
      ...starter,
      nodes: [...starter.nodes, { ...users, id: 'client-2', props: { ...users.props, rps: 10_000 } }, { id: 'db-2', kind: 'database', label: 'Fast', position: { x: 0, y: 500 }, props: { capacityRps: 1_000_000 } }],
      edges: [...starter.edges, { id: 'c2-db', source: 'client-2', target: 'db-2', kind: 'request', props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } }],
    };
    const grade = async (graph: Graph) => {
      const result = await h.dispatch('lessons:grade', { packId: 'stateless-vs-stateful', lessonId: 'any-instance', graph }, ctx);
      if (!result.ok) throw new Error(result.error.message);
      return (result.value as { report: GradeReport }).report;
    };
    const [fair, gamed] = [await grade(starter), await grade(tampered)];
    expect(gamed.score).toBe(fair.score);
    expect(gamed.notes).toEqual(['The lesson does not allow a second client; "client-2" was removed before grading, with its connections.']);
  });
});
