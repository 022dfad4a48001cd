import path from "node:path";
import { z } from "zod";
import { emailField } from "../domain/fields";

const booleanFlag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "1" || v === "true"));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("db/data/samverkanskartan.sqlite"),
  SEED_EXAMPLE: booleanFlag,
  ADMIN_EMAIL: emailField.optional(),
  ADMIN_PASSWORD: z.string().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  /** Set to 1 only for plain-HTTP trials: cookies then lose their Secure flag. */
  INSECURE_COOKIES: booleanFlag,
  /** Set to 1 behind a TLS-terminating reverse proxy: X-Forwarded-For and -Proto then count. */
  TRUST_PROXY: booleanFlag,
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  GEO_SOURCE_URL: z.string().url().optional(),
  /** `none`: no shipped borders at first start, so without an import the map draws circles. */
  BORDERS: z.enum(["shipped", "none"]).default("shipped"),
  /** A tile template such as https://{s}.tile.example.org/{z}/{x}/{y}.png (placeholders allowed in the host). */
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+\/\S*\{z\}\S*\{x\}\S*\{y\}/, "ska vara en http(s)-adress med {z}, {x} och {y}")
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().optional(),
  /** Counts of people under this are shown and exported as "<N" outside the indicator editor. */
  DISCLOSURE_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(5),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof schema> & { databasePath: string };

let cached: Env | undefined;

/** Parses the environment once; throws a readable error naming each bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Ogiltig konfiguration: ${problems}`);
  }
  cached = { ...parsed.data, databasePath: path.resolve(parsed.data.DATABASE_PATH) };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvCache() {
  cached = undefined;
}

/** The optional base map: a Leaflet tile template and its attribution, or null for the plain map. */
export function mapTileLayer(env: Pick<Env, "MAP_TILE_URL" | "MAP_TILE_ATTRIBUTION"> = getEnv()) {
  if (!env.MAP_TILE_URL) return null;
  return { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION ?? "" };
}

/**
 * The source expression the Content-Security-Policy's img-src needs for the tile layer, e.g.
 * "https://*.tile.example.org" for a template with {s} in the host; null without a tile layer.
 */
export function mapTileOrigin(env: Pick<Env, "MAP_TILE_URL"> = getEnv()): string | null {
  const match = env.MAP_TILE_URL ? /^(https?:\/\/)([^/]+)/i.exec(env.MAP_TILE_URL) : null;
  if (!match) return null;
  const host = match[2]!.toLowerCase();
  // A placeholder in the host ({s} picks a subdomain) becomes CSP's wildcard.
  const origin = `${match[1]!.toLowerCase()}${host.replace(/^\{[a-z]+\}\./, "*.").replace(/\{[a-z]+\}/g, "*")}`;
  // It goes into a CSP header verbatim: nothing but a scheme, host (wildcards) and port may pass.
  return /^https?:\/\/[a-z0-9.*-]+(:\d+)?$/.test(origin) ? origin : null;
}
