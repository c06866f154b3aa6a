import type { Command } from './command';
import { CommandIds } from './commandIds';
import type { SessionController } from '../sessionController';

/** Pause Recording: capture stops; friction, notes and lessons can still be written. */
export function pauseSessionCommand(controller: SessionController): Command {
  return { id: CommandIds.pauseSession, execute: () => controller.pause() };
}
