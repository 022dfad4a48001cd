/**
 * The models' one rule for writes, checked in their source so a new model cannot drift from it:
 * reads use the connection (`getDb()`); a write either is its own transaction
 * (`getDb().transaction((tx) => …)`, never async) or takes the transaction it runs in as its first
 * parameter `tx`, and then never opens one or touches the connection. No model takes a connection
 * (`db: Db`) as a parameter.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const MODELS = path.resolve("app/models");
const WRITES = new Set(["insert", "update", "delete"]);

function isGetDbCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "getDb";
}

/** The start of a method chain: `getDb()` in `getDb().insert(x).values(y)`, `tx` in `tx.delete(t)`. */
function chainRoot(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (ts.isPropertyAccessExpression(current)) current = current.expression;
    else if (ts.isCallExpression(current) && !isGetDbCall(current)) current = current.expression;
    else return current;
  }
}

function problemsIn(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  const where = (node: ts.Node) => `${path.basename(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  function checkFunction(fn: ts.FunctionLikeDeclaration, name: string) {
    const takesTx = fn.parameters[0]?.name.getText() === "tx";
    for (const param of fn.parameters) {
      if (param.type && /\bDb\b/.test(param.type.getText())) {
        problems.push(`${where(param)} ${name} takes a connection (${param.getText()}): use getDb(), or take the transaction (tx)`);
      }
    }
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const receiver = node.expression.expression;
        if (method === "transaction") {
          if (takesTx) problems.push(`${where(node)} ${name} takes a transaction and opens another`);
          if (!isGetDbCall(receiver)) problems.push(`${where(node)} ${name} opens a transaction on something other than getDb()`);
          const callback = node.arguments[0];
          if (callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && callback.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
            problems.push(`${where(node)} ${name} passes an async function to a transaction`);
          }
        }
        if (WRITES.has(method) && isGetDbCall(chainRoot(receiver))) {
          problems.push(`${where(node)} ${name} writes on the connection outside a transaction`);
        }
      }
      if (takesTx && isGetDbCall(node)) problems.push(`${where(node)} ${name} takes a transaction but uses the connection`);
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
  }

  const visitTop = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name) checkFunction(node, node.name.text);
    else if (ts.isVariableStatement(node)) {
      for (const d of node.declarationList.declarations) {
        if (d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
          checkFunction(d.initializer, d.name.getText());
        }
      }
    }
  };
  ts.forEachChild(source, visitTop);
  return problems;
}

describe("models write one way", () => {
  const files = fs.readdirSync(MODELS).filter((f) => f.endsWith(".server.ts"));

  it("finds the models", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it("every write is its own getDb().transaction or takes the caller's tx, and no model takes a connection", () => {
    expect(files.flatMap((f) => problemsIn(path.join(MODELS, f)))).toEqual([]);
  });

  it("the check itself catches each way of breaking the rule", () => {
    const bad = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "models-rule-")), "bad.server.ts");
    fs.writeFileSync(
      bad,
      `export function a(db: Db) { return db.select().from(t).all(); }
       export function b() { getDb().insert(t).values({}).run(); }
       export function c(tx: Tx) { getDb().transaction((inner) => inner.delete(t).run()); }
       export function d() { getDb().transaction(async (tx) => { tx.update(t).set({}).run(); }); }
       export function e() { getDb().transaction((tx) => tx.insert(t).values({}).run()); }`,
    );
    const problems = problemsIn(bad);
    fs.rmSync(path.dirname(bad), { recursive: true, force: true });
    expect(problems.map((p) => p.replace(/^\S+ /, ""))).toEqual([
      "a takes a connection (db: Db): use getDb(), or take the transaction (tx)",
      "b writes on the connection outside a transaction",
      "c takes a transaction and opens another",
      "c takes a transaction but uses the connection",
      "d passes an async function to a transaction",
    ]);
  });
});
