#!/usr/bin/env node
// Walks the built BackCare.Bot through the Microsoft 365 Agents Playground (a Teams-like chat, channel
// msteams) in headless Chromium, as a person would: types messages and clicks buttons as the script says,
// checks what the bot shows after each step, and saves a transcript and a screenshot per step.
//
//   node check.mjs [--script walkthrough.json] [--out DIR] [--bot-dll PATH]
//
// Script: { expectWelcome, welcomeText?, settleMs?, replyTimeoutMs?, steps: [...] }. A step is
// { "send": "text" } or { "click": "button title" }, with
//   expect      how many new bot messages the step must bring, exactly (default 1; 0 = only changes in place)
//   expectText  text (or a list) that must appear in the bot messages the step added or changed
//   expectImage alt text (or a list, each a part of one) of a picture that must be shown, and loaded, in those
//               messages; each such picture is also saved on its own as NN-image-K.png
//   note        why the step is there
// Nothing but loopback is contacted, and everything started here is stopped on the way out, also on
// failure, timeout, Ctrl+C or SIGTERM. Exit code 0: every step passed; 1: a step failed or the run broke.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { readChat, clickButton, sendText, waitForComposeBox, compare, markImage } from './chat.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const require = createRequire(import.meta.url);

const { values: opt } = parseArgs({
  options: {
    script: { type: 'string', default: path.join(HERE, 'walkthrough.json') },
    out: { type: 'string', default: path.join(HERE, 'out', new Date().toISOString().replace(/[:.]/g, '-')) },
    'bot-dll': { type: 'string', default: path.join(REPO, 'BackCare.Bot', 'bin', 'Debug', 'net10.0', 'BackCare.Bot.dll') },
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
    'max-minutes': { type: 'string', default: '10' },
  },
});
const OUT = path.resolve(opt.out);
const BOT_DLL = path.resolve(opt['bot-dll']);
const script = loadScript(path.resolve(opt.script));
const SETTLE_MS = script.settleMs ?? 800;
const REPLY_TIMEOUT_MS = script.replyTimeoutMs ?? 20000;

fs.mkdirSync(OUT, { recursive: true });
const say = (line) => console.log(`[playground-check] ${line}`);

// ---- processes: each in its own process group, listed in OUT/.pids until stopped, so that
// run-ci.sh can still end them if this script itself is killed hard.
const running = [];
let browser = null; // Playwright's connection to the Chromium started here

function recordPids() {
  const groups = running.filter((p) => p.exitCode === null && p.signalCode === null).map((p) => p.pid);
  fs.writeFileSync(path.join(OUT, '.pids'), groups.join('\n') + '\n');
}

function start(name, command, args, options) {
  const log = fs.openSync(path.join(OUT, `${name}.log`), 'a');
  const { watchStdout, watchStderr, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', watchStdout ? 'pipe' : log, watchStderr ? 'pipe' : log] });
  const watch = (stream, onText) => stream?.on('data', (chunk) => { fs.writeSync(log, chunk); onText(String(chunk)); });
  watch(watchStdout && child.stdout, watchStdout);
  watch(watchStderr && child.stderr, watchStderr);
  child.on('exit', recordPids);
  running.push(child);
  recordPids();
  return child;
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (s) => { try { process.kill(-child.pid, s); } catch { /* already gone */ } };
  const gone = () => Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
  signal('SIGTERM');
  if (!(await gone())) { signal('SIGKILL'); await gone(); }
}

let stopping = null;
function stopAll() {
  stopping ??= (async () => {
    // Disconnects Playwright; Chromium itself is one of the processes stopped below.
    if (browser) await Promise.race([browser.close().catch(() => {}), delay(5000)]);
    browser = null;
    for (const child of running.reverse()) await stop(child).catch((e) => say(`could not stop pid ${child.pid}: ${e.message}`));
    fs.rmSync(path.join(OUT, '.pids'), { force: true });
    fs.rmSync(path.join(OUT, 'chromium-profile'), { recursive: true, force: true });
  })();
  return stopping;
}

// ---- the run
const transcript = { playground: null, bot: BOT_DLL, script: path.resolve(opt.script), startedAt: new Date().toISOString(), ok: false, steps: [], conversation: [], pageErrors: [], blockedRequests: [], heldPushes: 0, error: null };
let stepErrors = [];
let finishing = null;

for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) process.on(sig, () => finish(`interrupted by ${sig}`, code));
setTimeout(() => finish(`still running after ${opt['max-minutes']} minutes`, 1), Number(opt['max-minutes']) * 60000).unref();

try {
  await run();
  await finish(null, transcript.ok ? 0 : 1);
} catch (e) {
  await finish(String(e?.message ?? e).split('\n')[0], 1);
}

// Stops everything, writes the outputs and exits, once, whichever way the run ends.
function finish(error, code) {
  finishing ??= writeUpAndExit(error, code);
  return finishing;
}

async function writeUpAndExit(error, code) {
  if (error) { transcript.error = error; say(`FAILED: ${error}`); }
  await stopAll();
  transcript.finishedAt = new Date().toISOString();
  fs.writeFileSync(path.join(OUT, 'transcript.json'), JSON.stringify(transcript, null, 2));
  fs.writeFileSync(path.join(OUT, 'conversation.txt'), transcript.conversation.map(describe).join('\n\n') + '\n');
  const passed = transcript.steps.filter((s) => s.ok).length;
  say(`${code === 0 ? 'PASSED' : 'FAILED'}: ${passed} of ${script.steps.length + 1} steps passed (the welcome and ${script.steps.length} scripted); output in ${path.relative(process.cwd(), OUT) || '.'}`);
  process.exit(code);
}

async function run() {
  if (!fs.existsSync(BOT_DLL)) throw new Error(`${BOT_DLL} is missing: build the solution first (dotnet build)`);
  if (!fs.existsSync(opt.chromium)) throw new Error(`no Chromium at ${opt.chromium} (Debian: apt-get install chromium)`);

  // The bot as built, with in-memory storage (nothing on disk) and no app id: the Playground sends no token.
  const botPort = await freePort();
  const bot = start('bot', 'dotnet', [BOT_DLL, '--urls', `http://127.0.0.1:${botPort}`], {
    cwd: path.dirname(BOT_DLL),
    env: { ...process.env, Storage__Kind: 'Memory', MicrosoftAppId: '', MicrosoftAppPassword: '', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  await until(60000, 'the bot did not answer /healthz', async () => {
    if (bot.exitCode !== null) throw new Error(`the bot exited (code ${bot.exitCode}); see bot.log`);
    return (await fetch(`http://127.0.0.1:${botPort}/healthz`).catch(() => null))?.ok;
  });
  say(`bot up on 127.0.0.1:${botPort}`);

  // The Playground, kept on loopback by loopback-only.cjs, without telemetry and without opening a browser.
  const pgPackage = require('@microsoft/m365agentsplayground/package.json');
  transcript.playground = `${pgPackage.name}@${pgPackage.version}`;
  const pgHome = path.join(OUT, 'playground');
  fs.mkdirSync(pgHome, { recursive: true });
  let pgPort = null;
  const playground = start('playground', process.execPath, [
    '--require', path.join(HERE, 'loopback-only.cjs'), require.resolve('@microsoft/m365agentsplayground/cli.js'), 'start',
    '--app-endpoint', `http://127.0.0.1:${botPort}/api/messages`, '--channel-id', 'msteams',
    '--port', String(await freePort()), '--disable-telemetry',
  ], {
    cwd: pgHome, // it writes devTools/ into its working folder
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: path.join(pgHome, 'playground-internal.log'), APPLICATION_INSIGHTS_NO_STATSBEAT: 'true' },
    // It takes another port if the one given is taken meanwhile, and says which.
    watchStdout: (text) => { pgPort ??= Number(/Listening on (\d+)/.exec(text)?.[1]) || null; },
  });
  await until(60000, 'the Playground did not start listening', async () => {
    if (playground.exitCode !== null) throw new Error(`the Playground exited (code ${playground.exitCode}); see playground.log`);
    return pgPort !== null;
  });
  say(`${transcript.playground} up on 127.0.0.1:${pgPort}`);

  // Chromium, started here like the others so that it is stopped the same way, and driven over the
  // DevTools protocol. It can reach loopback only: no name resolves except localhost, and the page's
  // requests elsewhere (the UI asks a CDN for fonts) are refused and listed.
  const profile = path.join(OUT, 'chromium-profile');
  let devtools = null;
  const chromiumProcess = start('chromium', opt.chromium, [
    '--headless', '--no-sandbox', '--remote-debugging-port=0', `--user-data-dir=${profile}`,
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1', '--disable-background-networking',
    '--disable-component-update', '--disable-dev-shm-usage', '--no-first-run', 'about:blank',
  ], { watchStderr: (text) => { devtools ??= /DevTools listening on (ws:\S+)/.exec(text)?.[1] ?? null; } });
  await until(30000, 'Chromium did not open its DevTools port', async () => {
    if (chromiumProcess.exitCode !== null) throw new Error(`Chromium exited (code ${chromiumProcess.exitCode}); see chromium.log`);
    return devtools !== null;
  });
  const { chromium } = require('playwright-core');
  browser = await chromium.connectOverCDP(devtools, { timeout: 30000 });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['localhost', '127.0.0.1'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol)) return route.continue();
    transcript.blockedRequests.push(url.href.slice(0, 160));
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await keepUserMessagesFirst(page);
  page.on('pageerror', (e) => { const text = String(e?.message ?? e).slice(0, 400); transcript.pageErrors.push(text); stepErrors.push(`the chat UI threw: ${text}`); });

  await page.goto(`http://127.0.0.1:${pgPort}/`, { waitUntil: 'domcontentloaded', timeout: 30000 });
  await waitForComposeBox(page, 30000);

  // Step 0: opening the chat makes the Playground send conversationUpdate; the bot greets.
  let shown = { messages: [], suggested: [] };
  shown = await doStep(page, shown, 0, { open: true, expect: script.expectWelcome ?? 1, expectText: script.welcomeText, note: 'welcome' });
  for (const [i, step] of script.steps.entries()) shown = await doStep(page, shown, i + 1, step);

  await page.screenshot({ path: path.join(OUT, '99-final.png') });
  transcript.ok = transcript.steps.length === script.steps.length + 1 && transcript.steps.every((s) => s.ok) && !transcript.pageErrors.length;
}

async function doStep(page, before, n, step) {
  const action = step.open ? 'open' : 'send' in step ? 'send' : 'click';
  const input = step.open ? null : step[action];
  const expect = step.expect ?? 1;
  const wanted = [].concat(step.expectText ?? []);
  const wantedImages = [].concat(step.expectImage ?? []);
  const record = { n, action, input, note: step.note, ok: false, errors: [], added: [], changed: [], removed: [], images: [], ms: 0, screenshot: null };
  const t0 = Date.now();
  stepErrors = [];
  try {
    if (action === 'send') await sendText(page, input);
    if (action === 'click') await clickButton(page, input);
  } catch (e) {
    stepErrors.push(String(e?.message ?? e).split('\n')[0]);
  }

  // Wait until the step has visibly done something, the expected messages and texts are shown,
  // and the chat has been quiet for a moment, or time is up; then judge what is shown.
  let now = before;
  let lastSeen = '';
  let quietSince = Date.now();
  const stopAt = Date.now() + (step.timeoutMs ?? REPLY_TIMEOUT_MS);
  while (!stepErrors.length) {
    now = await readChat(page);
    const key = JSON.stringify(now);
    if (key !== lastSeen) { lastSeen = key; quietSince = Date.now(); }
    const { added, fresh } = botChanges(before, now);
    const ready = fresh.length > 0 && added.length >= expect && wanted.every((t) => fresh.some((m) => m.text.includes(t)))
      && wantedImages.every((alt) => fresh.some((m) => m.images.some((i) => i.alt.includes(alt) && i.loaded)));
    if ((ready && Date.now() - quietSince >= SETTLE_MS) || Date.now() > stopAt) break;
    await page.waitForTimeout(150);
  }
  if (stepErrors.length) now = await readChat(page);
  transcript.conversation = now.messages;

  const { added, changed, fresh } = botChanges(before, now);
  const { removed } = compare(before, now);
  Object.assign(record, { added, changed, removed });
  if (!stepErrors.length) {
    if (added.length !== expect) record.errors.push(`expected ${expect} new bot message(s), saw ${added.length}`);
    if (!fresh.length) record.errors.push('the bot showed nothing new and changed nothing');
    if (removed.length) record.errors.push(`${removed.length} message(s) vanished from the chat`);
    for (const t of wanted) if (!fresh.some((m) => m.text.includes(t))) record.errors.push(`"${t}" is not in what the bot added or changed`);
    for (const alt of wantedImages) {
      const image = fresh.flatMap((m) => m.images).find((i) => i.alt.includes(alt));
      if (!image) record.errors.push(`no picture with alt text "${alt}" in what the bot added or changed`);
      else if (!image.loaded) record.errors.push(`the picture "${alt}" is there but did not load`);
    }
  }
  record.images = fresh.flatMap((m) => m.images);
  record.errors.push(...stepErrors);
  record.ms = Date.now() - t0;

  // A card changed in place may be scrolled away; show it in the screenshot.
  if (!added.length && changed.length) {
    await page.evaluate((seen) => document.querySelector(`[data-check-seen="${seen}"]`)?.scrollIntoView({ block: 'center' }), changed.at(-1).seen);
  }
  // Each expected picture on its own, as the chat shows it, so a reader of the run output can see it.
  for (const [k, alt] of wantedImages.entries()) {
    const image = record.images.find((i) => i.alt.includes(alt));
    if (!image || !(await markImage(page, alt, fresh.map((m) => m.seen)))) continue;
    image.screenshot = `${String(n).padStart(2, '0')}-image-${k + 1}.png`;
    await page.locator('[data-check-image]').screenshot({ path: path.join(OUT, image.screenshot), timeout: 10000 })
      .catch((e) => record.errors.push(`could not save a screenshot of the picture "${alt}": ${String(e?.message ?? e).split('\n')[0]}`));
  }
  record.ok = record.errors.length === 0;
  record.screenshot = `${String(n).padStart(2, '0')}-${action}${input ? '-' + input.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30) : ''}.png`;
  await page.screenshot({ path: path.join(OUT, record.screenshot) });
  transcript.steps.push(record);
  say(`step ${n} ${action}${input ? ` "${input}"` : ''}: ${record.ok ? 'ok' : 'FAILED: ' + record.errors.join('; ')} (${added.length} new, ${changed.length} changed, ${record.ms} ms)`);
  return now;
}

// The Playground's UI shows the user's own message only when its POST returns, and the Playground returns
// that POST only after the bot's turn has ended; a reply the bot sent during the turn is pushed over a
// websocket and can overtake it. The reply is then shown above the user's message and the suggested
// actions under it are hidden (the UI offers them only below a bot message that is last). In Teams the
// user's message is in the chat before the bot even receives it. So pushes that arrive while a user message is in flight are held until it
// has returned (and the UI has had a moment to show it); their content and order are left as they are.
async function keepUserMessagesFirst(page) {
  let inFlight = 0;
  const held = [];
  let releaseHeld = () => {};
  const isUserPost = (request) => request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/_conversation/');
  await page.routeWebSocket(/\/_ws_conversation\//, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      if (inFlight) { held.push(message); transcript.heldPushes++; } else socket.send(message);
    });
    socket.onMessage((message) => server.send(message));
    releaseHeld = () => { for (const message of held.splice(0)) socket.send(message); };
  });
  page.on('request', (request) => { if (isUserPost(request)) inFlight++; });
  const returned = (request) => {
    if (!isUserPost(request)) return;
    setTimeout(() => { if (--inFlight === 0) releaseHeld(); }, 150);
  };
  page.on('requestfinished', returned);
  page.on('requestfailed', returned);
}

function botChanges(before, now) {
  const { added, changed } = compare(before, now);
  const bot = (list) => list.filter((m) => m.from === 'bot');
  return { added: bot(added), changed: bot(changed), fresh: [...bot(added), ...bot(changed)] };
}

function loadScript(file) {
  const s = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(s.steps)) throw new Error(`${file}: no "steps" list`);
  for (const [i, step] of s.steps.entries()) {
    if (('send' in step) === ('click' in step)) throw new Error(`${file}: step ${i + 1} needs exactly one of "send" and "click"`);
  }
  return s;
}

function describe(m) {
  const buttons = m.buttons.length ? `\n  [${m.buttons.map((b) => b.title).join('] [')}]` : '';
  const images = (m.images ?? []).map((i) => `\n  (picture ${i.width}×${i.height}${i.loaded ? '' : ', not loaded'}: ${i.alt})`).join('');
  return `${m.from === 'bot' ? 'BOT' : 'YOU'}: ${m.text.replace(/\n/g, '\n  ')}${images}${buttons}`;
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(ms, failure, test) {
  const stopAt = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > stopAt) throw new Error(`${failure} within ${ms / 1000} s`);
    await delay(250);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}
