import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../app/models/audit.server";
import {
  countIndicatorValues,
  ensureExampleIndicatorValues,
  ensureIndicatorCatalogue,
  listIndicatorValues,
} from "../../app/models/indicator.server";
import { loader as apiLoader } from "../../app/routes/api.v1.indicators";
import { action as editorAction, loader as editorLoader } from "../../app/routes/indikatorer.redigera";
import { callRoute } from "../support/call-route";
import { closeTestDatabase, createTestDatabase } from "../support/database";

type ApiBody = { example: boolean; disclosureThreshold: number; values: { indicator: string; period: string; county: string | null; value: number | string }[] };

function csvForm(text: string, name = "värden.csv") {
  const form = new FormData();
  form.append("intent", "import");
  form.append("file", new File([text], name, { type: "text/csv" }));
  return form;
}

describe("indicators: entry, import, disclosure", () => {
  let handle: ReturnType<typeof createTestDatabase>;
  beforeAll(() => {
    handle = createTestDatabase();
    ensureIndicatorCatalogue();
    ensureExampleIndicatorValues();
  });
  afterAll(() => closeTestDatabase(handle));

  it("the example values are seeded once, and come back neither at the next start nor after removal", () => {
    const n = countIndicatorValues();
    expect(n).toBeGreaterThan(50);
    handle.db.$client.exec("DELETE FROM indicator_values WHERE period = '2023'");
    expect(ensureExampleIndicatorValues()).toEqual({ created: false });
    expect(countIndicatorValues()).toBeLessThan(n);
  });

  it("a manager saves a value, and the audit log records it", async () => {
    const result = await callRoute(editorAction, {
      as: ["manager"],
      url: "/indikatorer/redigera",
      form: { intent: "save", indicator: "ae_rehab_collaboration", period: "2023", county: "", value: "4 120", source: "MiDAS", note: "" },
    });
    expect(result.status).toBe(200);
    expect((result.data as { message: string }).message).toContain("är sparat");
    const stored = listIndicatorValues().find((v) => v.indicatorKey === "ae_rehab_collaboration" && v.period === "2023" && v.countyCode === null);
    expect(stored).toMatchObject({ value: 4120, source: "MiDAS", example: false });
    expect(listAudit({ entityType: "indicator_value" }, { limit: 5, offset: 0 })[0]).toMatchObject({ action: "indicator.value_set" });
  });

  it("the form refuses a value that is not a number and a period in the future, and saves nothing", async () => {
    const before = countIndicatorValues();
    const result = await callRoute(editorAction, {
      as: ["admin"],
      url: "/indikatorer/redigera",
      form: { intent: "save", indicator: "ae_rehab_collaboration", period: "2099", county: "14", value: "fyra" },
    });
    expect(result.status).toBe(400);
    const errors = (result.data as { result: { error: Record<string, string[]> } }).result.error;
    expect(errors.period?.[0]).toContain("har inte börjat än");
    expect(errors.value?.[0]).toContain("är inte ett tal");
    expect(countIndicatorValues()).toBe(before);
  });

  it("coordinators and planners may not enter values", async () => {
    for (const role of ["coordinator", "planner"] as const) {
      const result = await callRoute(editorAction, { as: [role], url: "/indikatorer/redigera", form: { intent: "save" } });
      expect(result.status).toBe(403);
    }
  });

  it("an import with one bad row saves nothing and names the row; the fixed file is saved, and saved again changes nothing", async () => {
    const before = listIndicatorValues();
    const bad = "period;län;indikator;värde;källa\n2024;01;ae_rehab_collaboration;120;MiDAS\n2024;01;ae_rehab_collaboration;121;MiDAS\n2024;14;ae_rehab_collaboration;x;MiDAS\n";
    const refused = await callRoute(editorAction, { as: ["manager"], url: "/indikatorer/redigera", form: csvForm(bad) });
    expect(refused.status).toBe(400);
    expect((refused.data as { importOutcome: { problems: string[] } }).importOutcome.problems).toEqual([
      "Rad 3: samma period, län och indikator som rad 2.",
      'Rad 4: värdet "x" är inte ett tal.',
    ]);
    expect(listIndicatorValues()).toEqual(before);

    const good = "period;län;indikator;värde;källa\n2024;01;ae_rehab_collaboration;120;MiDAS\n2024;14;ae_rehab_collaboration;98;MiDAS\n2024;;ae_rehab_collaboration;4400;MiDAS\n";
    const first = await callRoute(editorAction, { as: ["manager"], url: "/indikatorer/redigera", form: csvForm(good) });
    expect(first.status).toBe(200);
    expect((first.data as { importOutcome: unknown }).importOutcome).toEqual({ ok: true, added: 2, changed: 1, unchanged: 0 });
    const audits = listAudit({ entityType: "indicator_value" }, { limit: 50, offset: 0 }).filter((a) => a.action === "indicator.import");
    const second = await callRoute(editorAction, { as: ["manager"], url: "/indikatorer/redigera", form: csvForm(good) });
    expect((second.data as { importOutcome: unknown }).importOutcome).toEqual({ ok: true, added: 0, changed: 0, unchanged: 3 });
    expect(listAudit({ entityType: "indicator_value" }, { limit: 50, offset: 0 }).filter((a) => a.action === "indicator.import")).toHaveLength(audits.length);
  });

  it("the API shows counts under the threshold as <5, the editor shows the stored value", async () => {
    const api = await callRoute(apiLoader, { as: ["planner"], url: "/api/v1/indicators?from=2025&to=2025" });
    expect(api.status).toBe(200);
    const body = api.data as ApiBody;
    expect(body.disclosureThreshold).toBe(5);
    expect(body.example).toBe(true);
    expect(body.values.every((v) => v.period.startsWith("2025"))).toBe(true);
    const gotland = body.values.find((v) => v.indicator === "sfs_left_for_work_or_studies" && v.county === "09");
    expect(gotland?.value).toBe("<5");
    const days = body.values.find((v) => v.indicator === "ae_days_to_first_mapping" && v.period === "2025");
    expect(days?.value).toBe(97);

    const editor = await callRoute(editorLoader, { as: ["admin"], url: "/indikatorer/redigera" });
    const raw = (editor.data as { values: { indicatorKey: string; countyCode: string | null; period: string; value: number }[] }).values;
    expect(raw.find((v) => v.indicatorKey === "sfs_left_for_work_or_studies" && v.countyCode === "09" && v.period === "2025")?.value).toBe(1);
  });

  it("the API refuses a range that is not made of periods", async () => {
    const api = await callRoute(apiLoader, { as: ["planner"], url: "/api/v1/indicators?from=förra%20året" });
    expect(api.status).toBe(400);
    expect((api.data as { message: string }).message).toContain("är ingen period");
  });

  it("npm run indicators:import stores a file, and refuses a bad one with the row numbers and exit code 1", () => {
    const dir = handle.dir;
    const dbFile = path.join(dir, "cli.sqlite");
    const good = path.join(dir, "good.csv");
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(good, "period;län;indikator;värde;källa\n2025;;ae_rehab_collaboration;4710;MiDAS\n");
    fs.writeFileSync(bad, "period;län;indikator;värde;källa\n2025;;ae_rehab_collaboration;4710;MiDAS\n2025;;ae_rehab_collaboration;4711;MiDAS\n");
    const run = (file: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "app/commands/indicators-import.ts", file], {
        env: { ...process.env, DATABASE_PATH: dbFile },
        encoding: "utf8",
      });
    const refused = run(bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Rad 3: samma period, län och indikator som rad 2.");
    const stored = run(good);
    expect(stored.stderr).toBe("");
    expect(stored.status).toBe(0);
    expect(stored.stdout).toContain("1 nya, 0 ändrade och 0 oförändrade");
    expect(run(good).stdout).toContain("0 nya, 0 ändrade och 1 oförändrade");
  });
});
