import type { WebviewToHostMessage } from '../shared/protocol';
import type { UiState } from './uiState';
import { parseUiState } from './uiState';

/** The object VS Code injects into webviews; only callable once per page. */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The host as the webview sees it: typed messages out, typed UI state in and out. */
export interface WebviewHost {
  post(message: WebviewToHostMessage): void;
  loadState(): UiState;
  saveState(state: UiState): void;
}

/** Wraps `acquireVsCodeApi()` so the rest of the webview can only send protocol messages. */
export function connectHost(): WebviewHost {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    loadState: () => parseUiState(api.getState()),
    saveState: (state) => api.setState(state),
  };
}
