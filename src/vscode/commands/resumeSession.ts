import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { SessionController } from '../sessionController';

/** Resume Recording after a pause. */
export function resumeSessionCommand(controller: SessionController): Command {
  return { id: CommandIds.resumeSession, execute: () => controller.resume() };
}
