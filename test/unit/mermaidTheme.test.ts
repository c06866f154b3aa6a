import * as assert from 'node:assert/strict';
import { mermaidThemeFor, previewThemeKind } from '../../src/preview/mermaidTheme';

describe('the Mermaid theme in the Markdown preview', () => {
  it('reads the theme kind from the classes VS Code puts on the preview\'s body', () => {
    assert.equal(previewThemeKind(['vscode-light']), 'light');
    assert.equal(previewThemeKind(['markdown-body', 'vscode-dark', 'showEditorSelection']), 'dark');
    assert.equal(previewThemeKind(['vscode-high-contrast']), 'highContrast');
    assert.equal(previewThemeKind(['vscode-high-contrast-light']), 'highContrastLight');
    // High-contrast light bodies can carry both high-contrast classes: light wins.
    assert.equal(previewThemeKind(['vscode-high-contrast', 'vscode-high-contrast-light']), 'highContrastLight');
    assert.equal(previewThemeKind([]), 'light');
  });

  it('uses Mermaid\'s own themes for light and dark', () => {
    assert.deepEqual(mermaidThemeFor('light'), { theme: 'default' });
    assert.deepEqual(mermaidThemeFor('dark'), { theme: 'dark' });
  });

  it('draws high contrast in one foreground on one background, white on black or black on white', () => {
    const dark = mermaidThemeFor('highContrast').themeVariables ?? {};
    const light = mermaidThemeFor('highContrastLight').themeVariables ?? {};
    assert.equal(mermaidThemeFor('highContrast').theme, 'base');
    for (const [vars, fg, bg] of [[dark, '#ffffff', '#000000'], [light, '#000000', '#ffffff']] as const) {
      assert.equal(vars.background, bg);
      for (const key of ['primaryTextColor', 'textColor', 'taskTextColor', 'taskTextOutsideColor', 'lineColor', 'gridColor']) assert.equal(vars[key], fg, key);
      for (const key of ['taskBkgColor', 'sectionBkgColor', 'altSectionBkgColor']) assert.equal(vars[key], bg, key);
    }
    assert.equal(dark.darkMode, true);
    assert.equal(light.darkMode, false);
  });
});
