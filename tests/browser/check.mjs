// Opens a built labsite site in headless Chromium and checks what a reader does:
// the page loads with no missing file (a favicon too), notice icons are drawn
// on the first load, tabs switch, an expand opens, a mermaid diagram is drawn,
// a collapsed sidebar branch opens, a long sidebar title wraps clear of its
// caret, the previous/next arrows leave the text alone on a narrow screen,
// search finds a page.
// Usage: node check.mjs PUBLIC_DIR [CHROMIUM]. Prints one line per check and a
// closing "N passed, N failed" line; exits non-zero when a check fails.
import path from "node:path";
import { launch, check, expect, finish, serveFolder } from "./harness.mjs";

const root = path.resolve(process.argv[2]);
const executablePath = process.argv[3] || "/usr/bin/chromium";
const { server, base } = await serveFolder(root);

const browser = await launch(executablePath);

const page = await browser.newPage();
const missing = [];
page.on("response", (r) => { if (r.status() === 404) missing.push(r.url()); });
await page.goto(`${base}/lab/widgets/`);
await page.waitForTimeout(300);

await check("the page loads without a missing file, its favicon included", async () => {
  expect(missing.length === 0, `404s: ${missing.join(", ")}`);
  const icon = await page.evaluate(() => document.querySelector('link[rel="icon"]')?.href || "");
  expect(icon.endsWith("/images/favicon.png"), `the icon link is ${icon}`);
});

await check("h5 is no smaller than the text, plain and highlighted code share a line height", async () => {
  const px = (selector, property) => page.evaluate(([sel, prop]) => {
    const e = document.querySelector(sel);
    return e ? parseFloat(getComputedStyle(e)[prop]) : NaN;
  }, [selector, property]);
  const h5 = await px("#body-inner h5", "fontSize");
  const text = await px("#body-inner p", "fontSize");
  expect(h5 >= text, `h5 ${h5}px, text ${text}px`);
  // The distance from one drawn line of code to the next, from the text's own boxes.
  const lineStep = (selector) => page.evaluate((sel) => {
    const code = document.querySelector(sel);
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    const tops = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width > 0) tops.push(r.top);
      }
    }
    // Boxes less than a pixel apart are on the same line.
    const lines = tops.sort((a, b) => a - b).filter((t, i, all) => i === 0 || t - all[i - 1] >= 1);
    return lines[1] - lines[0];
  }, selector);
  const plain = await lineStep("#body-inner pre:not([style]) > code");
  const highlighted = await lineStep("#body-inner .highlight pre code");
  expect(Math.abs(plain - highlighted) < 0.5, `plain lines ${plain}px apart, highlighted ${highlighted}px`);
});

await check("a notice's icon is drawn by the icon font on the first load, its label by the text font", async () => {
  await page.evaluate(() => document.fonts.ready);
  const style = await page.evaluate(() => {
    const notice = document.querySelector("div.notices.info");
    const icon = getComputedStyle(notice, "::before");
    const label = getComputedStyle(notice, "::after");
    return { iconFont: icon.fontFamily, icon: icon.content, labelFont: label.fontFamily, label: label.content };
  });
  expect(style.iconFont.split(",")[0].includes("Font Awesome 6 Free"), `the icon's fonts are ${style.iconFont}`);
  expect(style.icon === '"\uf05a"', `the icon is ${JSON.stringify(style.icon)}`);
  expect(style.label === '"Info"', `the label is ${style.label}`);
  expect(!style.labelFont.includes("Font Awesome"), `the label's fonts are ${style.labelFont}`);
  const loaded = await page.evaluate(() => document.fonts.check('900 16px "Font Awesome 6 Free"', "\uf05a"));
  expect(loaded, "the icon font is not loaded after the first load");
});

await check("a sidebar title that wraps stays clear of its caret", async () => {
  const box = await page.evaluate(() => {
    const link = document.querySelector('#sidebar li[data-nav-id="/lab/long/"] > a');
    const caret = link.querySelector("i.fa-caret-right").getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(link.firstChild);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0);
    // Where any line of text may reach: the link's content box.
    const lineEnd = link.getBoundingClientRect().right - parseFloat(getComputedStyle(link).paddingRight);
    return { lines: lines.length, textRight: Math.max(...lines.map((r) => r.right)), lineEnd, caretLeft: caret.left };
  });
  expect(box.lines >= 2, `the title takes ${box.lines} line(s)`);
  expect(box.textRight <= box.caretLeft, `the text reaches ${box.textRight}px, the caret starts at ${box.caretLeft}px`);
  expect(box.lineEnd <= box.caretLeft, `lines may reach ${box.lineEnd}px, the caret starts at ${box.caretLeft}px`);
});

await check("at 400 px the previous/next arrows sit below the text, not over it", async () => {
  const narrow = await browser.newPage({ viewport: { width: 400, height: 700 } });
  await narrow.goto(`${base}/lab/widgets/`);
  const box = await narrow.evaluate(() => {
    const bottom = (e) => e.getBoundingClientRect().bottom + window.scrollY;
    const top = (e) => e.getBoundingClientRect().top + window.scrollY;
    const text = document.querySelector("#body-inner");
    const prev = document.querySelector("#navigation a.nav-prev");
    const next = document.querySelector("#navigation a.nav-next");
    return { text: bottom(text), prev: top(prev), next: top(next), width: document.documentElement.scrollWidth };
  });
  expect(box.prev >= box.text && box.next >= box.text, `text ends at ${box.text}px, arrows at ${box.prev}px and ${box.next}px`);
  expect(box.width <= 400, `the page is ${box.width}px wide`);
  await narrow.close();
  const wide = await page.evaluate(() => getComputedStyle(document.querySelector("#navigation a.nav-next")).position);
  expect(wide === "fixed", `on a wide screen the arrows are ${wide}`);
});

await check("tabs switch without a reload", async () => {
  const linux = page.locator('.tab-item[data-tab-item="Linux"]');
  const mac = page.locator('.tab-item[data-tab-item="macOS"]');
  expect(await linux.isVisible(), "the first tab is not shown at first");
  expect(!(await mac.isVisible()), "the second tab is shown at first");
  await page.click('button[data-tab-item="macOS"]');
  expect(await mac.isVisible(), "the second tab is not shown after a click");
  expect(!(await linux.isVisible()), "the first tab is still shown");
});

await check("the chosen tab is remembered for its group", async () => {
  await page.reload();
  expect(await page.locator('.tab-item[data-tab-item="macOS"]').isVisible(), "macOS is not selected after a reload");
});

await check("expand opens on click and from the keyboard", async () => {
  const content = page.locator("details.expand .expand-content");
  expect(!(await content.isVisible()), "the solution is visible before opening");
  await page.click("details.expand > summary");
  expect(await content.isVisible(), "the solution is hidden after a click");
  await page.click("details.expand > summary");
  await page.focus("details.expand > summary");
  await page.keyboard.press("Enter");
  expect(await content.isVisible(), "Enter on the label does not open it");
});

await check("mermaid draws the diagram", async () => {
  await page.waitForSelector(".mermaid svg", { timeout: 10000 });
  const text = await page.locator(".mermaid svg").textContent();
  expect(text.includes("Start") && text.includes("Finish"), `diagram text is ${JSON.stringify(text)}`);
});

await check("a collapsed branch of the sidebar opens with its pages", async () => {
  const branch = page.locator('#sidebar li[data-nav-id="/lab/deeper/"]');
  expect((await branch.locator("ul").count()) === 0, "the page carries the collapsed branch's pages");
  await branch.locator("i.fa-caret-right").click();
  const inside = branch.locator('li[data-nav-id="/lab/deeper/inside/"] a');
  await inside.waitFor({ state: "visible", timeout: 5000 });
  expect((await inside.innerText()).includes("Inside page"), "the branch's page is not listed");
  await branch.locator("i.fa-caret-down").click();
  expect(!(await inside.isVisible()), "the branch does not close again");
});

await check("a chapter of many pages shows those near the page, and the rest on demand", async () => {
  const other = await browser.newPage();
  await other.goto(`${base}/many/p60/`);
  const items = other.locator('#sidebar li[data-nav-id="/many/"] > ul > li[data-nav-id]');
  expect((await items.count()) === 50, `the page lists ${await items.count()} items of the chapter`);
  expect((await other.locator('#sidebar li[data-nav-id="/many/p01/"]').count()) === 0, "a far page is listed");
  await other.locator("#sidebar li.labsite-more a").first().click();
  await other.locator('#sidebar li[data-nav-id="/many/p01/"]').waitFor({ state: "attached", timeout: 5000 });
  expect((await items.count()) === 70, `after "more", ${await items.count()} items`);
  expect(await other.locator('#sidebar li[data-nav-id="/many/p60/"].active').count() === 1, "the page is no longer marked");
  await other.close();
});

await check("search finds a page", async () => {
  await page.fill("[data-search-input]", "quagga");
  await page.waitForSelector(".search-results a", { timeout: 5000 });
  const href = await page.locator(".search-results a").first().getAttribute("href");
  expect(href.endsWith("/lab/zebra/"), `first result is ${href}`);
});

await browser.close();
server.close();
finish();
