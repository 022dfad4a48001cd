import type { Feature, Geometry } from "geojson";

/** Property names that Swedish and international sources use for the municipality code. */
export const CODE_PROPERTY_CANDIDATES = [
  "id",
  "kommunkod",
  "KnKod",
  "kom_kod",
  "kn_kod",
  "kommun_kod",
  "KOMMUNKOD",
  "KOM_KOD",
  "KNKOD",
  "code",
  "kod",
  "ref:se:kommun:kod",
] as const;

/** "114", 114 and " 0114 " all mean municipality 0114; anything else is kept as written. */
export function normalizeMunicipalityCode(value: unknown): string | null {
  if (typeof value === "number" && Number.isInteger(value) && value > 0 && value < 10_000) {
    return String(value).padStart(4, "0");
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (/^\d{3,4}$/.test(text)) return text.padStart(4, "0");
  return text === "" ? null : text;
}

/** The code of one feature under a property name; `id` also looks at the feature's own id. */
export function readCode(feature: Feature<Geometry | null>, property: string): string | null {
  const fromProperties = feature.properties?.[property];
  if (fromProperties !== undefined && fromProperties !== null) return normalizeMunicipalityCode(fromProperties);
  if (property === "id" && feature.id !== undefined) return normalizeMunicipalityCode(feature.id);
  return null;
}

export type CodePropertyResult = { ok: true; property: string } | { ok: false; problem: string };

/**
 * Picks the property that holds the municipality code: the one named on the command line, else the
 * candidate whose values match the most known codes.
 */
export function findCodeProperty(
  features: readonly Feature<Geometry | null>[],
  knownCodes: ReadonlySet<string>,
  explicit?: string,
): CodePropertyResult {
  if (explicit) {
    const present = features.some((f) => readCode(f, explicit) !== null);
    return present
      ? { ok: true, property: explicit }
      : { ok: false, problem: `Egenskapen "${explicit}" finns inte i något objekt i filen.` };
  }
  const seen = new Set<string>();
  for (const f of features) for (const key of Object.keys(f.properties ?? {})) seen.add(key);
  const candidates = [
    ...CODE_PROPERTY_CANDIDATES,
    ...[...seen].filter((k) => CODE_PROPERTY_CANDIDATES.some((c) => c.toLowerCase() === k.toLowerCase())),
  ];
  let best: { property: string; matches: number } | null = null;
  for (const property of new Set(candidates)) {
    const matches = features.filter((f) => {
      const code = readCode(f, property);
      return code !== null && knownCodes.has(code);
    }).length;
    if (matches > 0 && (!best || matches > best.matches)) best = { property, matches };
  }
  if (!best) {
    const names = [...seen].slice(0, 12).join(", ") || "inga";
    return {
      ok: false,
      problem:
        `Hittar ingen egenskap med kommunkoder (letade efter ${CODE_PROPERTY_CANDIDATES.join(", ")}). ` +
        `Filens egenskaper: ${names}. Ange rätt namn med --code-property.`,
    };
  }
  return { ok: true, property: best.property };
}
