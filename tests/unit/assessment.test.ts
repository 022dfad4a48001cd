import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { assessmentFormSchema, assessmentProblems, assessmentStatus } from "../../app/domain/assessment";
import { CHANNEL_LABELS, CHANNELS, formatChannels, parseChannels, serializeChannels } from "../../app/domain/channels";

const previous = { roundName: "Kartläggning februari 2025", ratings: { collaboration: "good", interventionAccess: "unsatisfactory" } as const };

function errorsOf(s: { status?: string; error?: unknown } | { status: "success" }) {
  return ("error" in s ? s.error : undefined) as Record<string, string[] | null> | undefined;
}

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) data.append(k, x);
  return data;
}

describe("an assessment's status", () => {
  it("is not started, pre-filled or confirmed", () => {
    expect(assessmentStatus(null)).toBe("not_started");
    expect(assessmentStatus({ confirmed: false })).toBe("prefilled");
    expect(assessmentStatus({ confirmed: true })).toBe("confirmed");
  });
});

describe("the channels vocabulary", () => {
  it("has the mapping's eight channels with their Swedish names", () => {
    expect(CHANNELS).toHaveLength(8);
    expect(Object.values(CHANNEL_LABELS)).toEqual([
      "Samordningsförbund: beredningsgrupp",
      "Samordningsförbund: styrgrupp",
      "Samordningsförbund: chefsgrupp",
      "Kommunalförbund",
      "Informationsträffar",
      "Nätverk för daglig verksamhet",
      "Kontakt på handläggarnivå",
      "Annat",
    ]);
  });

  it("stores known channels once, in order, and reads a damaged value as none", () => {
    expect(serializeChannels(["other", "municipal_federation", "other"])).toBe('["municipal_federation","other"]');
    expect(parseChannels('["other","nope","caseworker_contact"]')).toEqual(["caseworker_contact", "other"]);
    expect(parseChannels("not json")).toEqual([]);
    expect(formatChannels(["municipal_federation", "other"], "Regionalt nätverk")).toBe("Kommunalförbund, Annat: Regionalt nätverk");
  });
});

describe("validating an assessment", () => {
  const values = { collaboration: "good", interventionAccess: "unsatisfactory", channels: [], channelOther: "", comment: "" } as const;

  it("needs no comment when the ratings are as in the previous round", () => {
    expect(assessmentProblems({ ...values, channels: [] }, previous)).toEqual({});
  });

  it("needs a comment when a rating differs from the previous round, saying what it was", () => {
    const problems = assessmentProblems({ ...values, channels: [], interventionAccess: "satisfactory" }, previous);
    expect(problems.comment).toBe(
      "Skriv en kommentar om varför bedömningen ändrats sedan Kartläggning februari 2025 (då tillgång: otillfredsställande).",
    );
    expect(assessmentProblems({ ...values, channels: [], interventionAccess: "satisfactory", comment: "Ny insats" }, previous)).toEqual({});
  });

  it("needs no comment in a first round", () => {
    expect(assessmentProblems({ ...values, channels: [], collaboration: "needs_strengthening" }, null)).toEqual({});
  });

  it("needs a text for the channel Annat", () => {
    expect(assessmentProblems({ ...values, channels: ["other"] }, null).channelOther).toBe("Beskriv kanalen du menar med Annat.");
  });

  it("reads the form: both ratings required, several channels, unknown channel refused", () => {
    const schema = assessmentFormSchema(previous);
    const missing = parseWithZod(form({ intent: "save", version: "1" }), { schema });
    expect(missing.status).toBe("error");
    expect(errorsOf(missing)?.collaboration).toEqual(["Välj om samverkan är bra eller behöver stärkas."]);
    expect(errorsOf(missing)?.interventionAccess?.[0]).toMatch(/tillfredsställande eller otillfredsställande/);

    const ok = parseWithZod(
      form({ intent: "save", version: "3", collaboration: "good", interventionAccess: "unsatisfactory", channels: ["caseworker_contact", "municipal_federation"], channelOther: "glömd text" }),
      { schema },
    );
    expect(ok.status).toBe("success");
    expect(ok.status === "success" && ok.value).toMatchObject({ version: 3, channels: ["caseworker_contact", "municipal_federation"], channelOther: "" });

    const one = parseWithZod(form({ intent: "save", version: "0", collaboration: "good", interventionAccess: "unsatisfactory", channels: "other", channelOther: "Länsnätverk" }), { schema });
    expect(one.status === "success" && one.value).toMatchObject({ channels: ["other"], channelOther: "Länsnätverk" });

    const unknown = parseWithZod(form({ intent: "save", version: "1", collaboration: "good", interventionAccess: "unsatisfactory", channels: "telepati" }), { schema });
    expect(unknown.status).toBe("error");
  });

  it("confirms unchanged with only the version read", () => {
    const r = parseWithZod(form({ intent: "confirm", version: "2" }), { schema: assessmentFormSchema(previous) });
    expect(r.status === "success" && r.value).toEqual({ intent: "confirm", version: 2 });
    expect(parseWithZod(form({ intent: "confirm" }), { schema: assessmentFormSchema(previous) }).status).toBe("error");
  });

  it("refuses control characters in the comment", () => {
    const r = parseWithZod(
      form({ intent: "save", version: "1", collaboration: "good", interventionAccess: "unsatisfactory", comment: "ok\u202Egnälrof" }),
      { schema: assessmentFormSchema(null) },
    );
    expect(errorsOf(r)?.comment?.[0]).toMatch(/otillåtna tecken/);
  });
});
