import { type DestinationStream, type Logger, pino } from 'pino';

const EMAIL = /[^\s@"'<>(),;:/\\]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
// PostgreSQL quotes the offending input in some messages: `invalid input syntax for type uuid: "…"`.
const QUOTED_INPUT = /((?:invalid input|value too long|out of range|malformed)[^:"]*: )"[^"]*"/gi;

/** Remove personal values an error may carry: SQL parameters, PostgreSQL details, quoted input, email addresses. */
export function redactError(err: unknown): Record<string, unknown> {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  for (const key of ['parameters', 'driverError', 'detail', 'where', 'internalQuery', 'table', 'column']) delete out[key];
  for (const key of ['message', 'stack']) {
    if (typeof out[key] === 'string') out[key] = (out[key] as string).replace(QUOTED_INPUT, '$1"[redacted]"').replace(EMAIL, '[email]');
  }
  if (out.cause && typeof out.cause === 'object') out.cause = redactError(out.cause);
  return out;
}

/**
 * The platform logger: JSON lines (pino), one per event, with a request id inside requests. Logs
 * carry identifiers, never personal values or secrets: errors pass through {@link redactError},
 * and credentials are censored wherever they appear under a known key.
 */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { ...base },
    serializers: { err: redactError },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.parameters', '*.text', '*.to'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
