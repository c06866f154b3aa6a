/** A command whose start the shell reported and whose end it has not (yet). */
export interface OpenCommand<Term, Info> {
  readonly terminal: Term;
  readonly start: number;
  /** What the adapter needs to record it later (command line, cwd, confidence). */
  readonly info: Info;
}

/**
 * Commands between their reported start and end, per terminal. The shell does not always report
 * an end (the terminal is closed while a dev server runs, recording stops while a build runs), and
 * a command seen starting must then still reach the journal, marked as such, not vanish.
 * Keys are whatever the adapter uses (VS Code's execution and terminal objects); no VS Code here.
 */
export class OpenCommands<Exec, Term, Info> {
  private readonly open = new Map<Exec, OpenCommand<Term, Info>>();
  /** Recorded without an end when recording stopped, by terminal: an end reported later must not record them twice. */
  private readonly closedOut = new Map<Exec, Term>();

  started(exec: Exec, terminal: Term, start: number, info: Info): void {
    this.closedOut.delete(exec);
    this.open.set(exec, { terminal, start, info });
  }

  /**
   * The shell reported the end. Returns the start entry, 'closed-out' when the command was
   * already recorded as not ended, or undefined when its start was not seen.
   */
  ended(exec: Exec): OpenCommand<Term, Info> | 'closed-out' | undefined {
    if (this.closedOut.delete(exec)) return 'closed-out';
    const entry = this.open.get(exec);
    this.open.delete(exec);
    return entry;
  }

  /** The terminal closed: its commands will never report an end. Returns them, oldest first. */
  terminalClosed(terminal: Term): OpenCommand<Term, Info>[] {
    const gone: OpenCommand<Term, Info>[] = [];
    for (const [exec, entry] of this.open) {
      if (entry.terminal !== terminal) continue;
      this.open.delete(exec);
      gone.push(entry);
    }
    for (const [exec, term] of this.closedOut) if (term === terminal) this.closedOut.delete(exec);
    return gone;
  }

  /**
   * Recording stops while commands run: returns them all, oldest first, and remembers them so
   * that their end, if the shell reports it later, is not recorded a second time.
   */
  closeOutAll(): OpenCommand<Term, Info>[] {
    const gone = [...this.open.values()];
    for (const [exec, entry] of this.open) this.closedOut.set(exec, entry.terminal);
    this.open.clear();
    return gone;
  }

  /** How many commands are waiting for their end. */
  get size(): number {
    return this.open.size;
  }
}
