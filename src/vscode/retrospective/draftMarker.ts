/**
 * The first line of a draft links it to its journal, so Finish can refresh metrics even after a
 * window reload, and names its template. The marker is defined in core (the CLI reads it too).
 */
export { draftMarker, sessionIdOfDraft } from '../../core/template/marker';
