import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { Log } from '../log';

/** Shows the Session Journal log (journal problems, capture errors). */
export function showOutputCommand(log: Log): Command {
  return { id: CommandIds.showOutput, execute: () => log.show() };
}
