/**
 * The hint comments the renderer leaves where only the user can write. They are HTML comments,
 * so GitHub and the preview show nothing and the validator counts the section as empty until
 * the user writes it; the Finish step removes the leftovers with `stripHints`.
 */

/** `<!-- hint: text -->`; `--` is removed from the text so the comment cannot close early. */
export function hint(text: string): string {
  return `<!-- hint: ${text.replace(/-{2,}/g, '-').replace(/>/g, '')} -->`;
}
