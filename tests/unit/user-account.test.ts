import { z } from "zod";
import { describe, expect, it } from "vitest";
import { userAccessShape } from "../../app/domain/user-account";

const Account = z.object(userAccessShape);
const account = (name: string) => Account.safeParse({ name, roles: ["planner"], countyCodes: [] });

describe("the name an admin gives an account", () => {
  it("is kept as typed (trimmed), å, ä and ö included", () => {
    expect(account("  Åsa Öberg-Ärlig ").data?.name).toBe("Åsa Öberg-Ärlig");
  });

  it.each([
    ["a bidi override that turns ‮gnp.exe into exe.png on screen", "\u202egnp.exe"],
    ["a bidi isolate", "Anna\u2066 Admin"],
    ["only a zero-width space (an empty, unclickable link in the list)", "\u200b"],
    ["zero-width spaces and blanks", " \u200b\u200b "],
    ["a NUL character", "Anna\u0000"],
    ["a line break", "Anna\nAndersson"],
    ["an escape character", "Anna\u001b[31m"],
  ])("refuses %s with a Swedish message", (_what, name) => {
    const result = account(name);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/^(Texten innehåller otillåtna tecken|Namnet måste innehålla synliga tecken|Ange namnet)/);
  });
});
