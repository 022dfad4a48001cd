import type { MapMunicipality } from "./map-view";

/*
 * The map page's 290 rows travel to the browser once in the HTML (the table) and once as loader data for
 * hydration. The loader data carries only what changes per round: names, counties and representative
 * points are the register the product ships (data/register.ts), which the page's script has anyway, and
 * the round's values go as columns (one array per field), which the loader data's encoding (turbo-stream)
 * writes far more compactly than 290 objects with the same keys.
 */

/** What the browser takes from the register instead of the loader data. */
const REGISTER_FIELDS = new Set(["code", "name", "countyCode", "countyName", "latitude", "longitude"]);

export type PackedMapRows = {
  /** Municipality codes, in the rows' order. */
  codes: string[];
  /** Every other field, by path ("category", "change.kind"), one value per code. */
  columns: Record<string, unknown[]>;
};

export type MapRegister = {
  municipalities: readonly { code: string; name: string; countyCode: string; latitude: number; longitude: number }[];
  counties: readonly { code: string; name: string }[];
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The rows as columns without the register's fields. Any field the rows gain (nested one level, as
 * `change` and `dialogue` are) is carried without changes here.
 */
export function packMapRows(rows: readonly MapMunicipality[]): PackedMapRows {
  const columns: Record<string, unknown[]> = {};
  const put = (path: string, index: number, value: unknown) => {
    (columns[path] ??= new Array(rows.length).fill(undefined))[index] = value;
  };
  rows.forEach((row, index) => {
    for (const [key, value] of Object.entries(row)) {
      if (REGISTER_FIELDS.has(key)) continue;
      if (isPlainObject(value)) for (const [sub, inner] of Object.entries(value)) put(`${key}.${sub}`, index, inner);
      else put(key, index, value);
    }
  });
  return { codes: rows.map((r) => r.code), columns };
}

/** The rows again, with names, counties and points from the register. */
export function unpackMapRows(packed: PackedMapRows, register: MapRegister): MapMunicipality[] {
  const municipalities = new Map(register.municipalities.map((m) => [m.code, m]));
  const counties = new Map(register.counties.map((c) => [c.code, c.name]));
  const entries = Object.entries(packed.columns);
  return packed.codes.map((code, index) => {
    const known = municipalities.get(code);
    const row: Record<string, unknown> = {
      code,
      name: known?.name ?? code,
      countyCode: known?.countyCode ?? "",
      countyName: (known && counties.get(known.countyCode)) ?? "",
      latitude: known?.latitude ?? 0,
      longitude: known?.longitude ?? 0,
    };
    for (const [path, values] of entries) {
      const dot = path.indexOf(".");
      if (dot < 0) row[path] = values[index];
      else ((row[path.slice(0, dot)] ??= {}) as Record<string, unknown>)[path.slice(dot + 1)] = values[index];
    }
    return row as MapMunicipality;
  });
}
