// Python mode: the SQLAlchemy example runs in the page and shows output, SQL and tables.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { EDITOR, getSource, openPage, runAndWait, screenshot, setMode, setSource, useBrowser } from './base.mjs';

const state = useBrowser();

test('the ORM lesson runs and shows its output, the SQL it sent, the tables and the session', async () => {
  const { page, context, problems } = await openPage(state);
  assert.equal(await page.evaluate(() => document.body.dataset.mode), 'python');
  await runAndWait(page);
  assert.equal(
    await page.locator('pre.stdout').textContent(),
    'method 1: 55 first.foo = 1\nmethod 2: 65 first.foo = 2\nmethod 3: 75 first.foo = 2 (stale: the row says 3)\n',
  );
  const statements = await page.locator('li.event.sql pre.sql').allTextContents();
  assert.ok(statements.includes('UPDATE stuff SET foo=? WHERE stuff.id = ?'), statements.join('\n'));
  assert.ok(statements.includes('UPDATE stuff SET foo=(stuff.foo + ?)'), statements.join('\n'));
  assert.ok(statements.some((s) => s.startsWith('CREATE TABLE stuff')));
  const flush = page.locator('li.event.sql', { hasText: 'UPDATE stuff SET foo=? WHERE stuff.id = ?' });
  assert.match(await flush.locator('.badge').textContent(), /executemany/);
  assert.match(await flush.locator('.params').textContent(), /^10 parameter sets/);
  // Expanded, the executemany lists every parameter set.
  await flush.locator('.params summary').click();
  await flush.locator('.param-sets li').nth(9).waitFor();
  assert.equal(await flush.locator('.param-sets li').count(), 10);
  assert.equal(await flush.locator('.param-sets li').last().textContent(), '(10, 10)');
  // On demand, SQLite's plan for the statement, beside it.
  await flush.locator('button.plan-button').click();
  assert.equal(
    await flush.locator('pre.plan').textContent(),
    'QUERY PLAN\n`--SEARCH stuff USING INTEGER PRIMARY KEY (rowid=?)\n',
  );
  assert.equal(await page.locator('li.event.ddl button.plan-button').count(), 0, 'no plan for DDL');
  assert.deepEqual(await page.locator('.results table:not(.session)').last().locator('tbody tr').count(), 10);
  // The session view: the identity map holds objects weakly, so only the two the script
  // still references (first, and the loop's last obj) remain; both are stale after method 3.
  const session = page.locator('table.session');
  assert.equal(await session.locator('tbody tr').count(), 2);
  assert.equal(await session.locator('td.stale').count(), 2);
  assert.match(await session.locator('tbody tr').first().textContent(), /persistent.*stale: row has 3/);
  assert.deepEqual(problems, []);
  await screenshot(page, 'python-light');
  await context.close();
});

test('a Python error shows the traceback and selects the failing line', async () => {
  const { page, context } = await openPage(state);
  await setSource(page, 'x = 1\nprint(undefined_name)\n');
  await runAndWait(page);
  const error = page.locator('article.statement.error');
  assert.equal(await error.locator('.badge').textContent(), 'NameError');
  assert.match(await error.locator('pre.traceback').textContent(), /line 2, in <module>/);
  // The gutter marks line 2, the line is tinted and a wavy mark runs from the error's column.
  assert.equal(await page.locator('#editor .cm-gutterElement.error-line').textContent(), '2');
  assert.equal(await page.locator('#editor .cm-line.cm-error-line').textContent(), 'print(undefined_name)');
  // A runtime error points at its statement (column 1).
  assert.equal(await page.locator('#editor .cm-error-mark').textContent(), 'print(undefined_name)');
  const mark = await page.locator('#editor .cm-error-mark').boundingBox();
  const content = await page.locator('#editor .cm-content').boundingBox();
  assert.ok(mark.y > content.y + 20 && mark.y < content.y + 60, `the mark is on line 2 (${mark.y - content.y}px)`);
  const selected = await page.evaluate(() => document.getElementById('editor').sessionlabEditor.selectedText);
  assert.equal(selected, 'print(undefined_name)');
  // Typing makes the mark go: it described the old text.
  await page.locator(EDITOR).press('End');
  await page.keyboard.type(' # fixed');
  assert.equal(await page.locator('#editor .cm-error-mark').count(), 0);
  // A syntax error points at its column: the mark starts there.
  await setSource(page, 'x = 1\ny = x +* 2\n');
  await runAndWait(page);
  assert.equal(await page.locator('#editor .cm-error-mark').textContent(), '* 2');
  await context.close();
});

test('each mode keeps its own code', async () => {
  const { page, context } = await openPage(state);
  await setSource(page, 'print("python side")');
  await setMode(page, 'sql');
  await setSource(page, 'SELECT 1;');
  await setMode(page, 'python');
  assert.equal(await getSource(page), 'print("python side")');
  await context.close();
});

test("the seed article's example pasted as printed: the MovedIn20Warning, the SQL, then SQLAlchemy's error", async () => {
  // The conformance case holds the article's code exactly as printed, and what real
  // SQLAlchemy 2.1.9 did with it.
  const cases = new URL('../conformance/cases/', import.meta.url);
  const source = readFileSync(new URL('article__seed_as_written.py', cases), 'utf8');
  const golden = JSON.parse(readFileSync(new URL('article__seed_as_written.json', cases), 'utf8'));
  const { page, context } = await openPage(state);
  await setSource(page, source);
  await runAndWait(page);
  // The warning is in the output where Python writes it to stderr, marked as a warning.
  const [moved] = golden.warnings;
  assert.equal(
    await page.locator('pre.stdout .warning').textContent(),
    `<playground>:6: ${moved.category}: ${moved.message}\n`,
  );
  const statements = await page.locator('li.event.sql pre.sql').allTextContents();
  assert.ok(
    statements.includes('SELECT stuff.id AS stuff_id, stuff.foo AS stuff_foo \nFROM stuff'),
    statements.join('\n'),
  );
  const error = page.locator('article.statement.error');
  assert.equal(await error.locator('.badge').textContent(), golden.error.type);
  assert.match(await error.locator('pre.traceback').textContent(), /no such table: stuff/);
  assert.match(
    await error.locator('pre.traceback').textContent(),
    new RegExp(`line ${golden.error.line}, in <module>`),
  );
  await context.close();
});

test('the session view shows collections, unloaded relationships and savepoint nesting; the log says why', async () => {
  const { page, context, problems } = await openPage(state);
  await setSource(
    page,
    `from sqlalchemy import ForeignKey, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload
from sqlalchemy import select

class Base(DeclarativeBase):
    pass

class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    addresses: Mapped[list["Address"]] = relationship(back_populates="user")

class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")

engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add(User(name="spongebob", addresses=[Address(email="a@x"), Address(email="b@x")]))
session.commit()
users = session.scalars(select(User).options(selectinload(User.addresses))).all()
nested = session.begin_nested()
session.add(User(name="sandy"))
session.flush()
`,
  );
  await runAndWait(page);
  const causes = await page.locator('li.event.sql .cause').allTextContents();
  assert.ok(causes.includes('selectin load of User.addresses'), causes.join(' | '));
  assert.ok(causes.includes('begin_nested()'), causes.join(' | '));
  const tx = page.locator('p.session-tx');
  assert.equal(await tx.textContent(), 'transaction open (not committed)\n└ begin_nested(): sa_savepoint_1');
  const users = page.locator('table.session').first();
  assert.match(await users.locator('tbody tr').first().textContent(), /2: \[/);
  const addresses = page.locator('table.session').nth(1);
  assert.match(await addresses.locator('tbody tr').first().textContent(), /not loaded/);
  assert.deepEqual(problems, []);
  await context.close();
});
