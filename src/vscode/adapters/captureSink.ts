import type { CapturePipeline } from '../../core/capture/capturePipeline';

/**
 * What a source adapter talks to: it translates a VS Code event into a source event and hands it
 * over; whether it is recorded, and how, is the capture pipeline's business (core/capture).
 * - `capture`: the translated event.
 * - `captureLater`: an event whose reading is expensive (a commit's `git show`): the read runs only
 *   when its source is captured, so adapters never ask whether a session records.
 * - `notice`: something the user must know about capture itself (a terminal without shell
 *   integration, no repository); said once per session.
 * - `activity`, `spanStarted`, `spanEnded`: feed idle detection (a task or debug session is a span).
 */
export type CaptureSink = Pick<CapturePipeline, 'capture' | 'captureLater' | 'notice' | 'activity' | 'spanStarted' | 'spanEnded'>;
