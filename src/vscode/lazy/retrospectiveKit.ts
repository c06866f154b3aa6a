/**
 * What the extension needs only when a retrospective is drafted, shown, validated or finished,
 * or when past sessions' friction is read: the validator (and marked, its Markdown lexer), the
 * retrospective builder and renderer, the template and the recurring-friction rule. esbuild
 * bundles this file on its own (dist/retrospectiveKit.js) and {@link retrospectiveKit} in
 * ./loadRetrospectiveKit.ts requires it on first use, so activation does not load a third of the
 * extension's code that the first second never runs.
 *
 * Only pure core modules belong here (no `vscode`, no state shared with the main bundle): this
 * file's modules are a second copy of any helper the main bundle also uses.
 */
export { validateRetrospective } from '../../core/validator/validate';
export { findSections } from '../../core/validator/sections';
export { sectionsOf } from '../../core/template/headings';
export { SESSION_TEMPLATE } from '../../core/template/sessionTemplate';
export { sectionSkeleton } from '../../core/template/skeleton';
export { renderRetrospective } from '../../core/retrospective/renderRetrospective';
export { retrospectiveFileName, uniqueFileName } from '../../core/retrospective/retrospectiveFile';
export { buildRecordedRetrospective } from '../../core/retrospective/recordedRetrospective';
export { finishMessage, finishText, metricsLogRow } from '../../core/retrospective/finish';
export { upsertMetricsRow } from '../../core/retrospective/metricsLog';
export { findRecurringFriction } from '../../core/friction/recurringFriction';
export { reportFromFiles } from '../../core/report/collectReport';
export { renderTeamReport } from '../../core/report/renderTeamReport';
export { isFinishedRetrospective, newestFirst } from '../../core/handoff/finishedRetrospective';
