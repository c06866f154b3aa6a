/**
 * The built-in secret patterns. Each rule finds a secret VALUE and leaves its context (the
 * command, the flag, the variable name) in place, so the journal still says what was run.
 *
 * Every regex here runs on every recorded command, possibly a 1 MB one, so each is written
 * to stay linear: a match can only start after a character that cannot continue the token
 * (lookbehinds like `(?<![\w-])`), quantifiers after a literal prefix are bounded or stop at
 * a delimiter, and the secret is the named group `s` at the END of the match (context before
 * it; anything after it is a lookahead), so the replacement is simple string slicing.
 */

/** A built-in rule: a global regex whose group `s` (or whole match) is the secret. */
export interface SecretRule {
  readonly kind: string;
  readonly re: RegExp;
  /** At least one must occur in the text (case-sensitively, or in the lower-cased text when `lower`); a cheap pre-check. */
  readonly hints: readonly string[];
  readonly lower?: boolean;
  /** Decides on a candidate; the value is group `s` (or the whole match). */
  readonly accept?: (value: string, groups: Record<string, string | undefined>) => boolean;
  /** For segment rules: the secrets inside the matched command segment. */
  readonly inner?: RegExp;
  /**
   * Necessary conditions, checked after the hints on the lower-cased text the rule is about to
   * run on: each group lists lower-case ASCII literals, one of which every replacement of this
   * rule requires (in `re`, or in `inner` for segment rules). A text missing a whole group cannot
   * be changed by the rule, so the regex is not run. Lower-casing keeps every ASCII literal a
   * match needs (a case-insensitive regex without the `u` flag matches ASCII letters only with
   * ASCII letters), so a group never rules out a text the regex would change
   * (test/unit/redactPrefilter.test.ts runs every rule on every text and compares).
   */
  readonly needs?: readonly (readonly string[])[];
}

/** Every word a sensitive name holds (the lookaheads of the assignment and field rules, and {@link isSensitiveName}). */
const SENSITIVE_WORDS = ['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'cred', 'cookie', 'sig'];

/** Values that name a secret instead of containing it: `$TOKEN`, `${X}`, `$(cmd)`, `%X%`, `$env:X`. */
export function isReference(value: string): boolean {
  return /^["']?(?:\$[{(\w]|%\w+%|\$env:)/i.test(value);
}

const NOT_SECRET_VALUE = /^["']?(?:true|false|yes|no|on|off|null|none|0|1)["']?$/i;

/** openssl's `-pass env:VAR`, `-passin file:path`, `fd:3`, `stdin` say where the password is. */
const OPENSSL_SOURCE = /^(?:(?:env|file|fd):|stdin$)/;

/**
 * `echo "use the --token flag"`: a short lower-case word after a space is prose, not a token.
 * Password flags are the exception (people do use plain words as passwords).
 */
function isProseWord(value: string, flag: string | undefined): boolean {
  return /^[a-z]{1,12}$/.test(value) && !/pass/i.test(flag ?? '');
}

/** `docker build --secret id=npm,src=...` names a secret file; it is not one. */
const SECRET_SPEC = /^["']?(?:id|type|src|source|env|target|required|mode|uid|gid)=/;

const SENSITIVE_EXACT = new Set([
  'KEY', 'KEYS', 'APIKEY', 'ACCESSKEY', 'SECRETKEY', 'PRIVATEKEY', 'AUTHKEY', 'MASTERKEY', 'SIGNINGKEY',
  'ENCRYPTIONKEY', 'LICENSEKEY', 'ACCOUNTKEY', 'SHAREDACCESSKEY',
  'AUTH', 'AUTHORIZATION', 'PASS', 'PASSPHRASE', 'CREDS', 'COOKIE', 'SIG', 'SIGNATURE',
]);

/** Words that are sensitive as a whole part or at the end of one (PGPASSWORD, MYSQL_PWD, NPMTOKEN). */
const SENSITIVE_SUFFIX = /(?:PASSWORD|PASSWD|PWD|SECRET|SECRETS|TOKEN|TOKENS|CREDENTIAL|CREDENTIALS)$/;

/** Last parts that make a name describe a secret instead of holding one (`TOKEN_FILE`, `SSH_AUTH_SOCK`). */
const HARMLESS_LAST = new Set([
  'FILE', 'FILES', 'PATH', 'DIR', 'SOCK', 'SOCKET', 'NAME', 'TYPE', 'URL', 'URI', 'HOST', 'PORT',
  'LENGTH', 'LEN', 'SIZE', 'TTL', 'EXPIRY', 'EXPIRES', 'ENABLED', 'DISABLED', 'COUNT', 'LIMIT', 'DOMAIN',
  'REGION', 'ENDPOINT', 'PROVIDER', 'MODE', 'METHOD', 'ALGORITHM', 'ISSUER', 'AUDIENCE', 'SCOPE', 'SCOPES',
  'VERSION', 'TIMEOUT', 'STRATEGY', 'HEADER', 'FORMAT', 'ID', 'USER', 'USERNAME', 'PROFILE', 'STORE', 'HELPER',
]);

/** Parts that make a number of something, not a secret: MAX_TOKENS, NUM_KEYS. */
const HARMLESS_ANY = new Set(['MAX', 'MIN', 'NUM', 'TOKENIZERS', 'TOKENIZER']);

/** Variables whose values are paths by convention, though their names sound secret. */
const HARMLESS_NAMES = new Set(['PWD', 'OLDPWD', 'GOOGLE_APPLICATION_CREDENTIALS', 'GIT_ASKPASS', 'SSH_ASKPASS', 'SUDO_ASKPASS']);

/**
 * Whether a variable, setting or key name holds a secret: API_KEY, DB_PASSWORD, _authToken,
 * auth.password, PGPASSWORD; but not KEYBOARD_LAYOUT, PWD, SSH_AUTH_SOCK, TOKEN_FILE, MAX_TOKENS.
 */
export function isSensitiveName(name: string): boolean {
  let known = nameCache.get(name);
  if (known === undefined) {
    known = SENSITIVE_HINT.test(name) && classifyName(name);
    // Names repeat (PATH, NODE_ENV, API_KEY); a small memo keeps a 1 MB line of assignments cheap.
    if (nameCache.size >= 1000) nameCache.clear();
    nameCache.set(name, known);
  }
  return known;
}

const nameCache = new Map<string, boolean>();

/** Every sensitive name contains one of these; most names do not, and skip the split below. */
const SENSITIVE_HINT = /pass|pwd|secret|token|key|auth|cred|cookie|sig/i;

function classifyName(name: string): boolean {
  const upperName = name.toUpperCase();
  if (HARMLESS_NAMES.has(upperName)) return false;
  const parts = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[_.-]+/)
    .filter(Boolean);
  if (parts.length === 0) return false;
  if (HARMLESS_LAST.has(parts[parts.length - 1]) && parts.length > 1) return false;
  if (parts.some((p) => HARMLESS_ANY.has(p))) return false;
  return parts.some((p) => SENSITIVE_EXACT.has(p) || SENSITIVE_SUFFIX.test(p));
}

/** Shared value checks for context rules: a value, not a reference, a placeholder or a flag. */
function plausibleValue(value: string): boolean {
  return value !== '' && value !== '""' && value !== "''" && !isReference(value) && !NOT_SECRET_VALUE.test(value);
}

// A value: double-quoted (with escapes), single-quoted, or a bare word up to a shell delimiter.
const VALUE = String.raw`(?<s>"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|\$\{[^}\s]{1,128}\}|\$\([^)\n]{0,512}\)|[^\s;&|'"<>(){}\[\],]+)`;

// A shell word after a short option: quoted, or bare up to a delimiter.
const WORD = String.raw`(?<s>"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s;&|'"]+)`;

const FLAG_WORDS = String.raw`(?:password|passwd|pass|passphrase|token|secret|api[-_]?key|apikey|access[-_]?key|secret[-_]?key|client[-_]?secret|auth|auth[-_]?token|access[-_]?token|refresh[-_]?token|bearer[-_]?token|credentials?)`;

/** Built-in rules, in the order they run: specific token formats first, context rules last. */
export const SECRET_RULES: readonly SecretRule[] = [
  {
    kind: 'private-key',
    // The body up to the END line, or to the end of the text when it was cut off.
    re: /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:\r?\n)?(?<s>[\s\S]*?)(?=\r?\n-----END |-----END |$)/g,
    hints: ['PRIVATE KEY-----'],
  },
  { kind: 'aws-access-key-id', re: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AIPA', 'ANPA', 'ANVA', 'APKA', 'AROA', 'ASCA'] },
  { kind: 'aws-secret-key', re: /aws_?secret_?access_?key["']?(?:[ \t]*[=:][ \t]*|[ \t]+)["']?(?<s>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi, hints: ['secret'], lower: true, needs: [['aws']] },
  { kind: 'github-fine-grained-token', re: /(?<![\w-])github_pat_[A-Za-z0-9_]{22,255}/g, hints: ['github_pat_'] },
  { kind: 'github-token', re: /(?<![\w-])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9])/g, hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'] },
  { kind: 'gitlab-token', re: /(?<![\w-])gl(?:pat|dt|rt|ptt|cbt|ft|imt|oas|soat|agent)-[A-Za-z0-9_-]{20,255}/g, hints: ['gl'], needs: [['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glcbt-', 'glft-', 'glimt-', 'gloas-', 'glsoat-', 'glagent-']] },
  { kind: 'slack-token', re: /(?<![\w-])(?:xox[abprse]|xapp)-[A-Za-z0-9-]{10,255}/g, hints: ['xox', 'xapp-'] },
  { kind: 'slack-webhook', re: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<s>[A-Za-z0-9_/-]{8,255})/g, hints: ['hooks.slack.com'] },
  { kind: 'discord-webhook', re: /discord(?:app)?\.com\/api\/webhooks\/\d{1,30}\/(?<s>[A-Za-z0-9_-]{20,255})/g, hints: ['/api/webhooks/'] },
  { kind: 'stripe-key', re: /(?<![\w-])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,255}/g, hints: ['_live_', '_test_'] },
  { kind: 'stripe-webhook-secret', re: /(?<![\w-])whsec_[A-Za-z0-9+/=]{24,255}/g, hints: ['whsec_'] },
  { kind: 'anthropic-key', re: /(?<![\w-])sk-ant-[A-Za-z0-9_-]{20,400}/g, hints: ['sk-ant-'] },
  { kind: 'openai-key', re: /(?<![\w-])sk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{32,400}/g, hints: ['sk-'] },
  { kind: 'google-api-key', re: /(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])/g, hints: ['AIza'] },
  { kind: 'npm-token', re: /(?<![\w-])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g, hints: ['npm_'] },
  { kind: 'pypi-token', re: /(?<![\w-])pypi-AgE[A-Za-z0-9_-]{50,400}/g, hints: ['pypi-'] },
  { kind: 'huggingface-token', re: /(?<![\w-])hf_[A-Za-z0-9]{34,40}(?![A-Za-z0-9])/g, hints: ['hf_'] },
  { kind: 'digitalocean-token', re: /(?<![\w-])do[opr]_v1_[a-f0-9]{64}/g, hints: ['_v1_'] },
  { kind: 'docker-hub-token', re: /(?<![\w-])dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,100}/g, hints: ['dckr_'] },
  { kind: 'shopify-token', re: /(?<![\w-])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}/g, hints: ['shp'] },
  { kind: 'sendgrid-key', re: /(?<![\w-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/g, hints: ['SG.'] },
  { kind: 'vault-token', re: /(?<![\w-])hv[sbr]\.[A-Za-z0-9_-]{24,255}/g, hints: ['hvs.', 'hvb.', 'hvr.'] },
  { kind: 'age-secret-key', re: /AGE-SECRET-KEY-1[0-9A-Z]{58}/g, hints: ['AGE-SECRET-KEY-'] },
  { kind: 'telegram-bot-token', re: /(?:(?<=bot)|(?<![\w:]))\d{8,10}:AA[A-Za-z0-9_-]{33}(?![\w-])/g, hints: [':AA'] },
  { kind: 'jwt', re: /(?<![\w.-])eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}/g, hints: ['eyJ'] },
  {
    kind: 'url-password',
    re: /(?<![\w+.-])[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"]{0,256}:(?<s>[^\s/@'"]{1,512})(?=@)/gi,
    hints: ['://'],
    needs: [['@']],
    accept: (v) => !isReference(v),
  },
  { kind: 'azure-sas-signature', re: /[?&]sig=(?<s>[A-Za-z0-9%+/=]{16,512})/g, hints: ['sig='] },
  {
    kind: 'auth-header',
    re: /(?<![\w-])(?:proxy-)?authorization[ \t]*:[ \t]*(?:(?:bearer|basic|token|digest|bot|apikey|sso-key|negotiate)[ \t]+)?(?<s>[^\s"'\\]+)/gi,
    hints: ['authorization'],
    lower: true,
    needs: [[':']],
    accept: plausibleValue,
  },
  {
    kind: 'secret-header',
    re: /(?<![\w-])(?:x-api-key|api-key|x-auth-token|private-token|x-access-token|x-gitlab-token|x-vault-token|x-goog-api-key|ocp-apim-subscription-key|x-figma-token)[ \t]*:[ \t]*(?<s>[^\s"'\\]+)/gi,
    hints: ['key', 'token'],
    lower: true,
    needs: [[':']],
    accept: plausibleValue,
  },
  {
    kind: 'cookie-header',
    re: /(?<![\w-])cookie[ \t]*:[^"'\\\r\n]*/gi,
    hints: ['cookie'],
    lower: true,
    needs: [[':'], ['=']],
    // Each cookie's value goes, its name stays: `Cookie: session=«redacted»; theme=«redacted»`.
    inner: /[:;][ \t]*[^=;\s]{1,128}=(?<s>[^;"'\s]+)/g,
    accept: plausibleValue,
  },
  { kind: 'openssl-pass', re: /(?<![\w-])pass:(?<s>[^\s"']+)/g, hints: ['pass:'], accept: plausibleValue },
  {
    kind: 'secret-flag',
    re: new RegExp(String.raw`(?<![\w-])--?(?<flag>(?:[a-z0-9]{1,30}[-_]){0,4}${FLAG_WORDS})(?<sep>=|[ \t]+)${VALUE}`, 'gi'),
    hints: ['pass', 'token', 'secret', 'key', 'auth', 'credential'],
    lower: true,
    needs: [['-']],
    accept: (v, g) => plausibleValue(v) && !v.startsWith('-') && !SECRET_SPEC.test(v) && !OPENSSL_SOURCE.test(v) && !(g.sep !== '=' && isProseWord(v, g.flag)),
  },
  {
    kind: 'mysql-password',
    re: /(?<![\w-])(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mysqlpump|mysqlsh|mariadb|mariadb-dump|mariadb-admin)(?![\w-])[^;&|\n]*/g,
    hints: ['mysql', 'mariadb'],
    needs: [['-p']],
    inner: new RegExp(String.raw`(?<=\s)-p${WORD}`, 'g'),
    accept: plausibleValue,
  },
  {
    kind: 'login-password',
    re: /(?<![\w-])(?:docker|podman|nerdctl|buildah|helm registry|oras|skopeo)[ \t]+login(?![\w-])[^;&|\n]*/g,
    hints: ['login'],
    needs: [['-p']],
    inner: new RegExp(String.raw`(?<=\s)-p[ \t]+(?!-)${WORD}`, 'g'),
    accept: plausibleValue,
  },
  { kind: 'sshpass-password', re: new RegExp(String.raw`(?<![\w-])sshpass[ \t]+-p[ \t]*${WORD}`, 'g'), hints: ['sshpass'], accept: plausibleValue },
  {
    kind: 'redis-password',
    re: /(?<![\w-])redis-cli(?![\w-])[^;&|\n]*/g,
    hints: ['redis-cli'],
    needs: [['-a', '--pass']],
    inner: new RegExp(String.raw`(?<=\s)(?:-a|--pass)[ \t]+(?!-)${WORD}`, 'g'),
    accept: plausibleValue,
  },
  {
    kind: 'basic-auth',
    re: /(?<![\w-])(?:curl|wget|http|https|httpie|xh|ab)(?![\w-])[^;&|\n]*/g,
    hints: ['curl', 'wget', 'http', 'xh', 'ab'],
    needs: [['-u'], [':']],
    inner: /(?<=\s)(?:-u[ \t]*|--user[= \t][ \t]*)["']?[^\s:'"]{0,256}:(?<s>[^\s'"]+)/g,
    accept: plausibleValue,
  },
  {
    kind: 'secret-assignment',
    // The lookahead rejects names without a sensitive word before any callback runs.
    re: new RegExp(String.raw`(?<![\w.$/-])(?=[\w.-]{0,127}?(?:pass|pwd|secret|token|key|auth|cred|cookie|sig))(?<name>[A-Za-z_][\w.-]{0,127})[ \t]*(?<![=!<>])=(?!=)[ \t]*${VALUE}`, 'gi'),
    hints: ['='],
    needs: [SENSITIVE_WORDS],
    accept: (v, g) => g.name !== undefined && isSensitiveName(g.name) && plausibleValue(v),
  },
  {
    kind: 'secret-assignment',
    re: new RegExp(String.raw`(?<![\w-])(?:setx|set[ \t]+-[a-zA-Z]{1,3}|set)[ \t]+(?<name>[A-Za-z_][\w.]{0,127})[ \t]+${VALUE}`, 'gi'),
    hints: ['set'],
    lower: true,
    // The name must be sensitive (accept), and every sensitive name holds one of these words.
    needs: [SENSITIVE_WORDS],
    accept: (v, g) => g.name !== undefined && isSensitiveName(g.name) && plausibleValue(v) && !v.startsWith('-'),
  },
  {
    kind: 'secret-field',
    re: /(?<![\w-])["']?(?=[\w.-]{0,63}?(?:pass|pwd|secret|token|key|auth|cred|cookie|sig))(?<name>[A-Za-z_][\w.-]{0,63})["']?[ \t]*:[ \t]*(?<s>"(?:[^"\\\n]|\\.)*"|'[^'\n]*')/gi,
    hints: [':'],
    needs: [SENSITIVE_WORDS, ['"', "'"]],
    accept: (v, g) => g.name !== undefined && isSensitiveName(g.name) && plausibleValue(v),
  },
];
