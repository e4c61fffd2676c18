/** nextTask: tasks of their own on one message channel, first asked first run; a cancelled one does not run. */
import { describe, expect, it } from 'vitest';
import { nextTask, nextTaskTurn } from '../../../renderer/platform/next-task';

describe('nextTask', () => {
  it('runs each task later, in the order asked, and not one that was cancelled', async () => {
    const ran: string[] = [];
    nextTask(() => ran.push('a'));
    const cancel = nextTask(() => ran.push('b'));
    nextTask(() => ran.push('c'));
    cancel();
    expect(ran).toEqual([]);
    await nextTaskTurn();
    expect(ran).toEqual(['a', 'c']);
  });
});
