import { describe, expect, it } from "vitest";
import { applyWorklistQuery, neighbours, parseWorklistQuery, worklistSearch, type WorklistQuery } from "../../app/domain/worklist";

const counties = [
  { code: "13", name: "Hallands län" },
  { code: "14", name: "Västra Götalands län" },
];
const items = [
  { code: "1480", name: "Göteborg", countyCode: "14", countyName: "Västra Götalands län", status: "confirmed" as const, updatedAt: "2027-02-03T10:00:00.000Z" },
  { code: "1488", name: "Trollhättan", countyCode: "14", countyName: "Västra Götalands län", status: "prefilled" as const, updatedAt: "2027-02-01T10:00:00.000Z" },
  { code: "1499", name: "Öckerö", countyCode: "14", countyName: "Västra Götalands län", status: "not_started" as const, updatedAt: null },
  { code: "1440", name: "Ale", countyCode: "14", countyName: "Västra Götalands län", status: "prefilled" as const, updatedAt: "2027-02-02T10:00:00.000Z" },
  { code: "1380", name: "Halmstad", countyCode: "13", countyName: "Hallands län", status: "not_started" as const, updatedAt: null },
  { code: "1384", name: "Kungsbacka", countyCode: "13", countyName: "Hallands län", status: "confirmed" as const, updatedAt: "2027-02-04T10:00:00.000Z" },
];
const query = (q: Partial<WorklistQuery>): WorklistQuery => ({ status: null, county: null, sort: "namn", ...q });
const names = (q: Partial<WorklistQuery>) => applyWorklistQuery(items, query(q)).map((i) => i.name);

describe("the coordinator's worklist", () => {
  it("lists the municipalities in Swedish order by default, å ä ö after z", () => {
    expect(names({})).toEqual(["Ale", "Göteborg", "Halmstad", "Kungsbacka", "Trollhättan", "Öckerö"]);
  });

  it("sorted on status puts the work first: not started, then pre-filled, then confirmed, by name within each", () => {
    expect(names({ sort: "status" })).toEqual(["Halmstad", "Öckerö", "Ale", "Trollhättan", "Göteborg", "Kungsbacka"]);
  });

  it("sorts on county, then name; on last change newest first, never changed last", () => {
    expect(names({ sort: "lan" })).toEqual(["Halmstad", "Kungsbacka", "Ale", "Göteborg", "Trollhättan", "Öckerö"]);
    expect(names({ sort: "andrad" })).toEqual(["Kungsbacka", "Göteborg", "Ale", "Trollhättan", "Halmstad", "Öckerö"]);
  });

  it("filters by status and county together", () => {
    expect(names({ status: "prefilled", county: "14" })).toEqual(["Ale", "Trollhättan"]);
    expect(names({ county: "13" })).toEqual(["Halmstad", "Kungsbacka"]);
  });

  it("reads its filters from the address, says what it did not understand, and keeps only what differs in links", () => {
    const good = parseWorklistQuery(new URLSearchParams("status=prefilled&lan=14&sortera=status"), counties);
    expect(good).toEqual({ query: { status: "prefilled", county: "14", sort: "status" }, notices: [] });
    expect(worklistSearch(good.query)).toBe("?status=prefilled&lan=14&sortera=status");
    const bad = parseWorklistQuery(new URLSearchParams("status=klar&lan=01&sortera=storlek"), counties);
    expect(bad.query).toEqual({ status: null, county: null, sort: "namn" });
    expect(bad.notices).toHaveLength(3);
    expect(worklistSearch(bad.query)).toBe("");
  });

  it("knows the municipality before and after, for going on without the list", () => {
    const list = applyWorklistQuery(items, query({}));
    expect(neighbours(list, "1480")).toMatchObject({ previous: { name: "Ale" }, next: { name: "Halmstad" }, position: 2 });
    expect(neighbours(list, "1440")).toMatchObject({ previous: null, position: 1 });
    expect(neighbours(list, "1499")).toMatchObject({ next: null, position: 6 });
    expect(neighbours(list, "0114")).toMatchObject({ previous: null, next: { name: "Ale" }, position: 0 });
  });
});
