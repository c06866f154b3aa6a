// Installs the English texts the host would send (src/shared/webviewStrings.ts), for tests of
// webview modules that run without a host. Import it for its effect.
import { englishWebviewStrings } from '../../src/shared/webviewStrings';
import { useStrings } from '../../src/webview/strings';

useStrings(englishWebviewStrings());
