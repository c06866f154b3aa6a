/**
 * Which Mermaid theme draws a chart in VS Code's Markdown preview. The preview's webview marks its
 * body with the workbench theme's kind (`vscode-light`, `vscode-dark`, `vscode-high-contrast`,
 * `vscode-high-contrast-light`); Mermaid's own light and dark themes suit the first two, and the
 * high-contrast kinds get black-on-white or white-on-black with strong borders, as the workbench
 * draws them. Pure, so it is unit-tested without a browser.
 */

export type PreviewThemeKind = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

/** The part of Mermaid's configuration a theme decides. */
export interface MermaidThemeConfig {
  readonly theme: 'default' | 'dark' | 'base';
  readonly themeVariables?: Readonly<Record<string, string | boolean>>;
}

/** The theme kind from the body's classes; a page without them (an old VS Code) reads as light. */
export function previewThemeKind(bodyClasses: Iterable<string>): PreviewThemeKind {
  const classes = new Set(bodyClasses);
  // A high-contrast light body may also carry `vscode-high-contrast`: test the light one first.
  if (classes.has('vscode-high-contrast-light')) return 'highContrastLight';
  if (classes.has('vscode-high-contrast')) return 'highContrast';
  if (classes.has('vscode-dark')) return 'dark';
  return 'light';
}

/** High contrast: one foreground, one background, and the workbench's border colours for contrast. */
function highContrast(fg: string, bg: string, border: string, crit: string): MermaidThemeConfig {
  return {
    theme: 'base',
    themeVariables: {
      darkMode: bg === '#000000',
      background: bg,
      primaryColor: bg,
      primaryTextColor: fg,
      primaryBorderColor: border,
      lineColor: fg,
      textColor: fg,
      titleColor: fg,
      // Gantt: bars are outlined, not tinted, so every label keeps full contrast.
      sectionBkgColor: bg,
      altSectionBkgColor: bg,
      sectionBkgColor2: bg,
      gridColor: fg,
      taskBkgColor: bg,
      taskBorderColor: border,
      taskTextColor: fg,
      taskTextOutsideColor: fg,
      taskTextLightColor: fg,
      taskTextDarkColor: fg,
      activeTaskBkgColor: bg,
      activeTaskBorderColor: border,
      doneTaskBkgColor: bg,
      doneTaskBorderColor: fg,
      critBkgColor: crit,
      critBorderColor: fg,
      todayLineColor: crit,
    },
  };
}

/** Mermaid's theme for a preview theme kind. */
export function mermaidThemeFor(kind: PreviewThemeKind): MermaidThemeConfig {
  switch (kind) {
    case 'light': return { theme: 'default' };
    case 'dark': return { theme: 'dark' };
    // The workbench's own high-contrast borders: #6FC3DF (dark) and #0F4A85 (light); errors #F48771 / #B5200D.
    case 'highContrast': return highContrast('#ffffff', '#000000', '#6fc3df', '#f48771');
    case 'highContrastLight': return highContrast('#000000', '#ffffff', '#0f4a85', '#b5200d');
  }
}
