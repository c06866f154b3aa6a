/**
 * What a person writes into a draft retrospective: the sections only they can fill. Kept apart
 * from the tests so each test reads as the flow it checks, not as a wall of prose.
 */

/** Replaces the body of the section whose heading matches `heading` (up to the next heading of any level). */
export function setSectionBody(markdown: string, heading: RegExp, body: string): string {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => /^#{2,3}\s/.test(l) && heading.test(l));
  if (at === -1) throw new Error(`No section heading matches ${heading}`);
  let end = at + 1;
  while (end < lines.length && !/^#{1,6}\s/.test(lines[end] ?? '')) end++;
  return [...lines.slice(0, at + 1), '', body.trim(), '', ...lines.slice(end)].join('\n');
}

export const SUMMARY =
  'I exercised the whole Session Journal flow against a real repository: a commit, a failing checkout and a logged friction point, then the draft retrospective that End Session wrote from the record.';

export const DIARY = [
  'I started this session by deciding that I would test the recorder exactly the way a developer uses it, with a real repository and a real terminal, because I did not trust a mocked editor to tell me the truth about timing.',
  'My first step was a small commit of a notes file, and I watched the journal pick it up from the reflog within a fraction of a second, which was reassuring.',
  'Then I checked out a branch that does not exist, on purpose, so that I could see how the failure looked on the timeline and whether the friction prompt would appear without getting in my way.',
  'I logged a friction point for that failure and linked it to the command, because I wanted the retrospective to explain the red row instead of leaving it bare.',
  'When I ended the session I answered only two questions, the session type and the focus, and the draft opened with the times, the commit and the failure already written.',
  'I filled in the parts that only I know, like this diary, and I learned that writing them right after the work is much easier than reconstructing them the next morning from memory.',
].join(' ');

export const WENT_WELL = [
  '- The commit appeared on the timeline within a second of running git in a child process.',
  '- The draft had real times for the start, the end and the commit, so I wrote nothing from memory.',
  '- Answering two prompts was enough to end the session and open the draft.',
].join('\n');

export const COULD_IMPROVE = [
  '- I should have checked the shell integration of the terminal before running the first command.',
  '- The failing command was deliberate, but a real one would have deserved a note about its cause.',
].join('\n');

export const FEEDBACK =
  'Honestly, the session went smoothly, but I noticed how easy it would be to skip the friction prompt and lose the story behind a failure. ' +
  'The record was complete and accurate, yet the value of the retrospective still depended on me writing candid sentences about what slowed me down. ' +
  'I would tell a teammate to answer the prompt the moment it appears, because the context fades within minutes and the timeline alone cannot explain why a command failed.';

export const FRICTION_POINTS = [
  '1. **Checking out a missing branch failed** — the command named a branch that does not exist, which cost a minute of reading the error before I moved on.',
  '2. **Waiting for shell integration** — the new terminal needed a moment before commands were tracked, which made the first run feel slower than it should.',
  '3. **Switching between prompts** — answering the session type and then the focus broke my train of thought for a few seconds at the end of the session.',
].join('\n');

export const LESSONS = [
  '- Check that the terminal reports shell integration before relying on recorded commands.',
  '- Log a friction point right after a failure, while the cause is still fresh in mind.',
].join('\n');

export const NEXT_STEPS = [
  '- [ ] Add a test that records a slow command and checks the friction prompt wording',
  '- [ ] Document in the README how the journal redacts tokens typed into the terminal',
].join('\n');

/** Fills every user-only section of a draft End Session wrote. */
export function completeDraft(markdown: string): string {
  let text = markdown;
  text = setSectionBody(text, /Session Summary/, SUMMARY);
  text = setSectionBody(text, /(Session|AI) Diary/, DIARY);
  text = setSectionBody(text, /What Went Well/, WENT_WELL);
  text = setSectionBody(text, /What Could Improve/, COULD_IMPROVE);
  text = setSectionBody(text, /Honest Feedback/, FEEDBACK);
  text = setSectionBody(text, /Friction Points/, FRICTION_POINTS);
  text = setSectionBody(text, /Lessons Learned/, LESSONS);
  text = setSectionBody(text, /Next Steps/, NEXT_STEPS);
  return text;
}
