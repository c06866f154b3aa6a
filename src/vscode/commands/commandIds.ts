/** Every command id in one place; package.json contributes the same ids. */
export const CommandIds = {
  startSession: 'sessionJournal.startSession',
  endSession: 'sessionJournal.endSession',
  pauseSession: 'sessionJournal.pauseSession',
  resumeSession: 'sessionJournal.resumeSession',
  logFriction: 'sessionJournal.logFriction',
  addNote: 'sessionJournal.addNote',
  addLesson: 'sessionJournal.addLesson',
  validateRetrospective: 'sessionJournal.validateRetrospective',
  finishRetrospective: 'sessionJournal.finishRetrospective',
  showPastSessions: 'sessionJournal.showPastSessions',
  exportSessionJson: 'sessionJournal.exportSessionJson',
  showTimeline: 'sessionJournal.showTimeline',
  showCommandDetails: 'sessionJournal.showCommandDetails',
  showOutput: 'sessionJournal.showOutput',
  openTeamReport: 'sessionJournal.openTeamReport',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
