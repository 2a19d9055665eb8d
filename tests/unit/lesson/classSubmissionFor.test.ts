import { describe, expect, it } from 'vitest';
import { submissionFor } from '../../../src/renderer/src/classResults/useClassGrading';

const picked = (names: string[]) => new Map(names.map((name) => [name, new File(['{}'], name.split('/').at(-1)!)]));

describe('matching a grades CSV row to a picked submission file', () => {
  const files = picked(['class/a/ada.json', 'class/b/ada.json', 'class/bob.json']);
  it('takes the same relative path as it is', () => {
    expect(submissionFor(files, 'class/b/ada.json')).toBe(files.get('class/b/ada.json'));
  });
  it('matches the grader’s full path (Unix or Windows) by the longest tail, so two students with one file name stay apart', () => {
    expect(submissionFor(files, '/home/ta/course/class/a/ada.json')).toBe(files.get('class/a/ada.json'));
    expect(submissionFor(files, 'C:\\grading\\b\\ada.json')).toBe(files.get('class/b/ada.json'));
    expect(submissionFor(files, '/srv/shard-3/bob.json')).toBe(files.get('class/bob.json'));
  });
  it('finds nothing for a file that was not picked', () => {
    expect(submissionFor(files, '/srv/shard-3/cy.json')).toBeUndefined();
    expect(submissionFor(files, '/srv/xada.json')).toBeUndefined();
  });
});
