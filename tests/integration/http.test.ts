import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, loginHttp } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let cookie: string;
beforeAll(async () => {
  server = await startServer();
  cookie = await loginHttp(server, await createTestUser(server, { roles: ["manager"] }));
});
afterAll(async () => {
  await server?.stop();
});

/** A signed-in manager's GET. */
const get = (path: string) => fetch(server.url + path, { redirect: "manual", headers: { Cookie: cookie } });

describe("health check", () => {
  it("answers ok after checking the database, without login", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});

type ApiBody = {
  round: { id: number; name: string } | null;
  example: boolean;
  municipalities: { code: string; name: string; countyCode: string; countyName: string; category: string; collaboration: string | null; interventionAccess: string | null }[];
};

describe("the municipalities API", () => {
  it("lists all 290 municipalities of the latest round, in Swedish order, flagged as example data", async () => {
    const res = await get("/api/v1/municipalities");
    expect(res.status).toBe(200);
    const body = (await res.json()) as ApiBody;
    // The latest example round is the follow-up of spring 2026, derived from February 2025.
    expect(body.round?.name).toBe("Uppföljning våren 2026");
    expect(body.example).toBe(true);
    expect(body.municipalities).toHaveLength(290);
    const names = body.municipalities.map((m) => m.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("sv").compare));
    expect(names.at(-1)).toBe("Övertorneå");
    const count = (category: string) => body.municipalities.filter((m) => m.category === category).length;
    expect([count("good"), count("access_gap"), count("needs_strengthening"), count("unrated")]).toEqual([220, 65, 5, 0]);
    expect(body.municipalities.find((m) => m.code === "1480")).toMatchObject({
      name: "Göteborg",
      countyCode: "14",
      countyName: "Västra Götalands län",
    });
  });

  it("gives the same answer when the round is named", async () => {
    const latest = (await (await get("/api/v1/municipalities")).json()) as ApiBody;
    const named = (await (await get(`/api/v1/municipalities?round=${latest.round!.id}`)).json()) as ApiBody;
    expect(named).toEqual(latest);
  });

  it("answers 404 JSON for a round that does not exist", async () => {
    for (const round of ["999", "abc", "-1", "1e3"]) {
      const res = await get(`/api/v1/municipalities?round=${round}`);
      expect(res.status, round).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(((await res.json()) as { message: string }).message).toContain("finns inte");
    }
  });
});

describe("pages", () => {
  it("serves Swedish HTML", async () => {
    const res = await get("/kommuner");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="sv"');
    expect(html).toContain("Exempeldata");
  });

  it("answers an unknown municipality code with a Swedish 404 page", async () => {
    for (const code of ["9999", "abc", "01140"]) {
      const res = await get(`/kommuner/${code}`);
      expect(res.status, code).toBe(404);
      const html = await res.text();
      expect(html).toContain("Sidan finns inte");
      expect(html).toContain("Det finns ingen kommun med kommunkoden");
    }
  });

  it("answers an unknown address with a Swedish 404 page", async () => {
    const res = await get("/finns-inte/alls");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Sidan finns inte");
  });

  it("shows a municipality's county and its rating in every round", async () => {
    const res = await get("/kommuner/1480");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Göteborg");
    expect(html).toContain("Västra Götalands län");
    expect(html).toContain("Kartläggning februari 2025");
  });

  it("never shows a stack trace", async () => {
    const res = await get("/kommuner/%E0%A4%A");
    expect(res.status).toBeLessThan(500 + 100);
    expect(await res.text()).not.toMatch(/at .+\.(js|ts):\d+/);
  });
});
