// What the Playground's chat shows and how a person acts on it, for check.mjs.
//
// Messages are told apart by the DOM element the chat renders for each of them, not by their position:
// the Playground sometimes shows a fast bot reply above the user's own message, and it changes a card in
// place when the bot updates that activity (same element, new content). Each message element gets a
// number the first time it is read (data-check-seen), so a later read can say which messages are new and
// which earlier ones changed.

// Runs in the page (so it cannot use anything outside itself). Without an argument: every message as
// shown, plus the suggested-action buttons under the last one. With a button title: marks the button a
// click step means, so that Playwright can click it like a mouse, and says whether there is one: a
// suggested action first (they always belong to the newest bot message), else the enabled card button
// with that title in the message that appeared last.
function chatInPage(clickTitle) {
  const clean = (s) => (s || '').replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  const titleOf = (b) => [b.innerText, b.getAttribute('aria-label'), b.getAttribute('title')].map((t) => clean(t).replace(/\s+/g, ' ')).find(Boolean) ?? '';
  const shown = (el) => el.getClientRects().length > 0;
  const describe = (b) => ({ title: titleOf(b), enabled: !b.disabled && b.getAttribute('aria-disabled') !== 'true' });
  const buttonsIn = (el) => (el ? [...el.querySelectorAll('button')].filter(shown) : []);

  // A message is [header, body] wrapped twice; all messages (and the suggested actions) share one list.
  const headers = [...document.querySelectorAll('[aria-label="Message header"]')];
  const items = headers.map((h) => h.parentElement.parentElement);
  const list = items[0]?.parentElement;
  if (items.some((it) => it.parentElement !== list)) throw new Error('messages are not in one list: the Playground UI changed');
  window.__checkSeen ??= 0;
  for (const item of items) item.dataset.checkSeen ??= String(++window.__checkSeen);
  const suggested = list ? [...list.children].filter((c) => !items.includes(c)).flatMap(buttonsIn) : [];

  if (clickTitle === undefined) {
    const messages = headers.map((header, i) => ({
      seen: Number(items[i].dataset.checkSeen),
      from: header.querySelector('[aria-label="Message author"]') ? 'bot' : 'user',
      text: clean(header.nextElementSibling?.innerText),
      cards: header.nextElementSibling?.querySelectorAll('.ac-adaptiveCard').length ?? 0,
      // Pictures in the message (a step card's), with their alt text and whether the browser could show them.
      images: [...(header.nextElementSibling?.querySelectorAll('img') ?? [])].filter(shown).map((img) => ({
        alt: clean(img.alt), loaded: img.complete && img.naturalWidth > 0, width: img.naturalWidth, height: img.naturalHeight, src: img.src.slice(0, 40),
      })),
      buttons: buttonsIn(header.nextElementSibling).map(describe),
    }));
    return { messages, suggested: suggested.map(describe) };
  }

  const usable = (b) => describe(b).enabled && titleOf(b) === clickTitle;
  const newestFirst = headers.map((h, i) => ({ seen: Number(items[i].dataset.checkSeen), body: h.nextElementSibling })).sort((a, b) => b.seen - a.seen);
  const target = suggested.find(usable) ?? newestFirst.flatMap((m) => buttonsIn(m.body)).find(usable);
  document.querySelectorAll('[data-check-target]').forEach((b) => b.removeAttribute('data-check-target'));
  target?.setAttribute('data-check-target', '1');
  return Boolean(target);
}

export async function readChat(page) {
  return page.evaluate(chatInPage);
}

export async function clickButton(page, title) {
  if (!(await page.evaluate(chatInPage, title))) {
    const { messages, suggested } = await readChat(page);
    const offered = [...suggested, ...messages.flatMap((m) => m.buttons)].filter((b) => b.enabled).map((b) => b.title);
    throw new Error(`no enabled button "${title}"; offered: ${JSON.stringify([...new Set(offered)])}`);
  }
  await page.locator('[data-check-target]').click({ timeout: 10000 });
}

const COMPOSE_BOX = '[data-lexical-editor="true"][role="textbox"]';

export async function waitForComposeBox(page, timeout) {
  await page.locator(COMPOSE_BOX).waitFor({ state: 'visible', timeout });
}

// Types like a person and presses Enter; resolves once the user's own message is shown.
export async function sendText(page, text) {
  const before = new Set((await readChat(page)).messages.map((m) => m.seen));
  await page.locator(COMPOSE_BOX).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  const until = Date.now() + 10000;
  while (Date.now() < until) {
    const { messages } = await readChat(page);
    if (messages.some((m) => m.from === 'user' && !before.has(m.seen) && m.text.includes(text))) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the typed message "${text}" did not appear in the chat`);
}

// What changed between two reads: messages not shown before, and earlier messages whose content changed.
export function compare(before, after) {
  const earlier = new Map(before.messages.map((m) => [m.seen, m]));
  const added = after.messages.filter((m) => !earlier.has(m.seen));
  const changed = after.messages.filter((m) => earlier.has(m.seen) && contentOf(earlier.get(m.seen)) !== contentOf(m));
  const stillThere = new Set(after.messages.map((m) => m.seen));
  const removed = before.messages.filter((m) => !stillThere.has(m.seen));
  return { added, changed, removed };
}

function contentOf(m) {
  return JSON.stringify([m.text, m.buttons, m.images?.map((i) => i.alt)]);
}

// Marks the first shown picture whose alt text includes `alt` in a message added or changed since `seenBefore`, so
// that Playwright can take a screenshot of it; says whether there is one.
export async function markImage(page, alt, seen) {
  return page.evaluate(([wanted, seenIds]) => {
    document.querySelectorAll('[data-check-image]').forEach((img) => img.removeAttribute('data-check-image'));
    const img = seenIds.map((id) => document.querySelector(`[data-check-seen="${id}"]`)).filter(Boolean)
      .flatMap((item) => [...item.querySelectorAll('img')]).find((i) => i.alt.includes(wanted) && i.getClientRects().length > 0);
    img?.setAttribute('data-check-image', '1');
    return Boolean(img);
  }, [alt, seen]);
}
