import type Database from "better-sqlite3";

/**
 * Dialogue meetings at the scale of the meetings and reports issues, for benchmarks: `meetings`
 * meetings dated 2021–2027 (direct with 1–3 municipalities, or through one of 60 forums; held,
 * cancelled or postponed up to `today`, planned after it), with participants (20 planners), municipal
 * functions and material sections, and `actions` follow-up actions on held meetings. Deterministic
 * (seeded), written straight through SQL in one transaction: a benchmark's fixture, not app data.
 * Needs the register and the dialogue material (seeded at every start) in the database.
 */
export function seedBenchMeetings(
  sqlite: Database.Database,
  options: { meetings: number; actions: number; today: string; seed?: number },
): { meetings: number; actions: number } {
  let seed = options.seed ?? 42;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const codes = (sqlite.prepare("select code from municipalities").all() as { code: string }[]).map((r) => r.code);
  const material = sqlite.prepare("select id from dialogue_materials order by published_on desc, version desc limit 1").get() as { id: number } | undefined;
  if (!material) throw new Error("seedBenchMeetings: no dialogue material in the database (the app seeds version 1 at start)");
  const sections = (sqlite.prepare("select id from dialogue_material_sections where material_id = ?").all(material.id) as { id: number }[]).map((r) => r.id);
  const { today } = options;
  sqlite.transaction(() => {
    const user = sqlite.prepare("insert or ignore into users (email, name) values (?, ?)");
    const userId = sqlite.prepare("select id from users where email = ?");
    const planners: number[] = [];
    for (let i = 1; i <= 20; i++) {
      user.run(`planerare${i}@example.se`, `Planerare ${i}`);
      planners.push((userId.get(`planerare${i}@example.se`) as { id: number }).id);
    }
    const forum = sqlite.prepare("insert into forums (name, kind) values (?, ?) returning id");
    const member = sqlite.prepare("insert or ignore into forum_members (forum_id, municipality_code) values (?, ?)");
    const forumIds: number[] = [];
    for (let f = 1; f <= 60; f++) {
      const { id } = forum.get(`Bänkforum ${f} ${seed}`, pick(["coordination_association", "municipal_association", "daily_activities_network", "other"])) as { id: number };
      forumIds.push(id);
      for (let k = 0; k < 4 + Math.floor(rand() * 8); k++) member.run(id, pick(codes));
    }
    const meeting = sqlite.prepare(
      `insert into meetings (date, start_time, end_time, format, status, forum_id, planner_id, material_id, material_used, updated_at, agenda)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    );
    const mm = sqlite.prepare("insert or ignore into meeting_municipalities (meeting_id, municipality_code, date, status) values (?, ?, ?, ?)");
    const participant = sqlite.prepare("insert or ignore into meeting_participants (meeting_id, user_id) values (?, ?)");
    const fn = sqlite.prepare("insert into meeting_functions (meeting_id, function, count) values (?, ?, ?)");
    const section = sqlite.prepare("insert or ignore into meeting_sections (meeting_id, section_id) values (?, ?)");
    const held: { id: number; date: string; codes: string[] }[] = [];
    const first = Date.UTC(2021, 0, 1);
    const span = Date.UTC(2027, 11, 31) - first;
    for (let i = 0; i < options.meetings; i++) {
      const date = iso(new Date(first + rand() * span));
      const past = date <= today;
      const x = rand();
      const status = past ? (x < 0.8 ? "held" : x < 0.9 ? "cancelled" : "postponed") : "planned";
      const viaForum = rand() < 0.15;
      const hour = 8 + Math.floor(rand() * 8);
      const used = status === "held" && rand() < 0.5;
      const { id } = meeting.get(
        date,
        `${String(hour).padStart(2, "0")}:00`,
        `${String(hour + 1).padStart(2, "0")}:30`,
        viaForum ? "preparatory_group" : pick(["dialogue", "dialogue", "dialogue", "information", "steering_group", "network"]),
        status,
        viaForum ? pick(forumIds) : null,
        pick(planners),
        used ? material.id : null,
        used ? 1 : 0,
        `${date}T12:00:00.000Z`,
        "Dagordning",
      ) as { id: number };
      const these = viaForum ? [] : Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(codes));
      for (const code of these) mm.run(id, code, date, status);
      participant.run(id, pick(planners));
      if (rand() < 0.5) participant.run(id, pick(planners));
      fn.run(id, "daily_activities", 1 + Math.floor(rand() * 3));
      if (rand() < 0.3) fn.run(id, "management", 1);
      if (used) for (const s of sections) if (rand() < 0.5) section.run(id, s);
      if (status === "held" && these.length) held.push({ id, date, codes: these });
    }
    const action = sqlite.prepare(
      `insert into follow_up_actions (meeting_id, municipality_code, what, assignee_user_id, assignee_function, due_date, status)
       values (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < options.actions && held.length > 0; i++) {
      const m = pick(held);
      const due = iso(new Date(Date.parse(m.date) + (14 + rand() * 120) * 864e5));
      const toUser = rand() < 0.5;
      action.run(m.id, pick(m.codes), "Uppföljning", toUser ? pick(planners) : null, toUser ? null : "management", due, rand() < 0.6 ? "done" : "open");
    }
  })();
  sqlite.exec("analyze");
  return { meetings: options.meetings, actions: options.actions };
}
