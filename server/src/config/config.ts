import { z } from 'zod';

const booleanFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { message: 'must be one of 1/0/true/false/yes/no/on/off' })
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const listFromEnv = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

/**
 * Every setting Loadout reads from the environment, documented in `server/.env.example`.
 * Parsed once at start; an invalid value stops the start with one line naming the variable.
 */
const configSchema = z.object({
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  PUBLIC_URL: z.url({ message: 'must be an absolute http(s) URL' }).optional(),
  ALLOWED_ORIGINS: listFromEnv.default([]),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, { message: 'must be a redis:// URL' }).optional(),
  LOADOUT_DEMO: booleanFromEnv.optional(),
  GRAPHQL_INTROSPECTION: booleanFromEnv.default(true),
  SESSION_TTL_DAYS: z.coerce.number({ message: 'must be a number of days' }).int().min(1).max(365).default(30),
  TRUST_PROXY: booleanFromEnv.default(false),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  WEB_DIST: z.string().min(1).optional(),
});

const SECRET_BEARING = new Set(['DATABASE_URL', 'REDIS_URL']);

export type EnvConfig = z.infer<typeof configSchema>;

/** Thrown when the environment holds an invalid value; its message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws {@link ConfigError} naming the first bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? 'configuration');
    // URLs may hold passwords: never echo them into logs.
    const shown = SECRET_BEARING.has(name) ? '' : ` (got "${String(env[name] ?? '')}")`;
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${shown}`);
  }
  return result.data;
}
