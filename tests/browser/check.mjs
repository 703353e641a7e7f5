// Opens a built labsite site in headless Chromium and checks what a reader does:
// the page loads with no missing file (a favicon too), tabs switch, an expand
// opens, a mermaid diagram is drawn, a collapsed sidebar branch opens, search
// finds a page.
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
  const plain = await px("#body-inner pre:not(.chroma) code:not([class*=language-bash])", "lineHeight");
  const highlighted = await px("#body-inner .highlight pre code", "lineHeight");
  expect(Math.abs(plain - highlighted) < 0.5, `plain ${plain}px, highlighted ${highlighted}px`);
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
