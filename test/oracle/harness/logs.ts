// Reading charon's file log: the notifies in the messages it parsed and generated, SA install
// failures, and the lines that say this machine cannot observe the outcome at all.

/**
 * charon's short names for the error notifies (types below 16384) as its message summaries
 * print them (`[ IDr AUTH N(TS_UNACCEPT) ]`), from notify_payload.c of strongSwan 5.9, checked
 * against the strings of the installed libcharon. Status notifies (NATD_S_IP, MOBIKE_SUP, …)
 * are not listed: they are not outcomes.
 */
const ERROR_NOTIFIES: Record<string, string> = {
  CRIT: 'UNSUPPORTED_CRITICAL_PAYLOAD',
  INVAL_IKE_SPI: 'INVALID_IKE_SPI',
  INVAL_MAJOR: 'INVALID_MAJOR_VERSION',
  INVAL_SYN: 'INVALID_SYNTAX',
  INVAL_MID: 'INVALID_MESSAGE_ID',
  INVAL_SPI: 'INVALID_SPI',
  NO_PROP: 'NO_PROPOSAL_CHOSEN',
  ATTR_UNSUP: 'ATTRIBUTES_NOT_SUPPORTED',
  PLD_MAL: 'PAYLOAD_MALFORMED',
  INVAL_KE: 'INVALID_KE_PAYLOAD',
  INVAL_ID: 'INVALID_ID_INFORMATION',
  INVAL_CERTEN: 'INVALID_CERT_ENCODING',
  INVAL_CERT: 'INVALID_CERTIFICATE',
  CERT_UNSUP: 'CERT_TYPE_UNSUPPORTED',
  INVAL_CA: 'INVALID_CERT_AUTHORITY',
  INVAL_HASH: 'INVALID_HASH_INFORMATION',
  AUTH_FAILED: 'AUTHENTICATION_FAILED',
  SINGLE_PAIR: 'SINGLE_PAIR_REQUIRED',
  NO_ADD_SAS: 'NO_ADDITIONAL_SAS',
  INT_ADDR_FAIL: 'INTERNAL_ADDRESS_FAILURE',
  FAIL_CP_REQ: 'FAILED_CP_REQUIRED',
  TS_UNACCEPT: 'TS_UNACCEPTABLE',
  INVAL_SEL: 'INVALID_SELECTORS',
  UNACCEPT_ADDR: 'UNACCEPTABLE_ADDRESSES',
  UNEXPECT_NAT: 'UNEXPECTED_NAT_DETECTED',
  TEMP_FAIL: 'TEMPORARY_FAILURE',
  NO_CHILD_SA: 'CHILD_SA_NOT_FOUND',
  ME_CONN_FAIL: 'ME_CONNECT_FAILED',
};

const ERROR_FULL_NAMES = new Set(Object.values(ERROR_NOTIFIES));

/** The error notify named by one `N(...)` token, or undefined for a status notify. */
export function errorNotify(token: string): string | undefined {
  if (ERROR_NOTIFIES[token]) return ERROR_NOTIFIES[token];
  if (ERROR_FULL_NAMES.has(token)) return token;
  // Unknown types print as their number.
  if (/^\d+$/.test(token) && Number(token) > 0 && Number(token) < 16384) return `NOTIFY_${token}`;
  return undefined;
}

/**
 * Error notifies in the messages a side parsed (`parsed IKE_AUTH response 1 [ … ]`) or generated,
 * de-duplicated, in order of first appearance. A message the side cannot decrypt is never
 * "parsed", which is why an IKEv1 initiator with a wrong PSK receives nothing.
 */
export function notifiesIn(log: string, direction: 'parsed' | 'generating'): string[] {
  const out: string[] = [];
  const re = new RegExp(`\\[ENC\\] ${direction} \\S+ (?:request|response) \\d+ \\[([^\\]]*)\\]`);
  for (const line of log.split('\n')) {
    const m = re.exec(line);
    if (!m?.[1]) continue;
    for (const n of m[1].matchAll(/N\(([^)]+)\)/g)) {
      const name = n[1] ? errorNotify(n[1]) : undefined;
      if (name && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** Strips charon's thread/subsystem prefix (`09[KNL] `). */
function body(line: string): string {
  return line.replace(/^\s*\d+\[[A-Z]+\]\s*/, '').trim();
}

/** SA/policy install failures: the host, not the peer, refused (a false TS_UNACCEPTABLE follows). */
export function installErrors(log: string): string[] {
  const out: string[] = [];
  for (const line of log.split('\n')) {
    if (/error installing route|unable to install (?:IPsec policies|inbound and outbound IPsec SA)|unable to add SAD entry|unable to install policy/i.test(line)) {
      const b = body(line);
      if (!out.includes(b)) out.push(b);
    }
  }
  return out;
}

/**
 * kernel-libipsec supports ESP in tunnel mode only: transport mode, AH and AES-GMAC fail locally.
 * These lines mean "not observable here", never a negotiation result.
 */
const NOT_OBSERVABLE = [/unsupported mode/i, /failed to create SAD entry/i, /AH is not supported/i, /unsupported (?:protocol|encryption algorithm|integrity algorithm)/i, /not supported by kernel/i];

export function notObservableLines(log: string): string[] {
  const out: string[] = [];
  for (const line of log.split('\n')) {
    if (NOT_OBSERVABLE.some((re) => re.test(line))) {
      const b = body(line);
      if (!out.includes(b)) out.push(b);
    }
  }
  return out;
}

/** `strongSwan 5.9.8` from the daemon's start line. */
export function daemonVersion(log: string): string | undefined {
  return /Starting IKE charon daemon \((strongSwan [^,]+),/.exec(log)?.[1];
}
