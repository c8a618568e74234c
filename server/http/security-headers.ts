/**
 * SERVER-9: what every answer carries. Scripts come only from this origin
 * (and index.html's own inline theme script, by hash): no `unsafe-inline`
 * script can run; the console is never framed.
 */
export function securityHeaders(options: {
  inlineScriptHashes: readonly string[];
  https: boolean;
}): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${options.inlineScriptHashes.join(' ')}`.trim(),
    // React sets element styles through the CSSOM; the boot-failed notice has a style attribute.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(options.https
      ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
}
