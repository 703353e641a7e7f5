// Opens every page of a built site whose titles, parameters and menu names are
// full of <script>, event handlers, quotes and javascript: URLs (the `hostile`
// fixture, whose payloads all set window.__pwned) and checks that none runs: on
// load, on hovering every element, and when search shows the pages.
// Usage: node inert.mjs PUBLIC_DIR [CHROMIUM].
import fs from "node:fs";
import path from "node:path";
import { launch, check, expect, finish, serveFolder } from "./harness.mjs";

const root = path.resolve(process.argv[2]);
const executablePath = process.argv[3] || "/usr/bin/chromium";
const { server, base } = await serveFolder(root);
const browser = await launch(executablePath);

const pages = fs.readdirSync(root, { recursive: true })
  .filter((f) => f.endsWith(".html"))
  .map((f) => "/" + f.split(path.sep).join("/"));

// What ran, if anything: the payloads' marks and any dialog.
async function ran(page) {
  return page.evaluate(() => window.__pwned);
}

async function open(url) {
  const page = await browser.newPage();
  const dialogs = [];
  page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(url, { waitUntil: "load" });
  return { page, dialogs };
}

await check(`no script runs on any of the ${pages.length} pages, even on hover`, async () => {
  expect(pages.length >= 6, `only ${pages.length} pages`);
  for (const p of pages) {
    const { page, dialogs } = await open(base + p);
    await page.evaluate(() => {
      for (const e of document.querySelectorAll("*")) {
        e.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      }
    });
    await page.waitForTimeout(50);
    const mark = await ran(page);
    expect(mark === undefined, `${p}: the payload "${mark}" ran`);
    expect(dialogs.length === 0, `${p}: a dialog opened: ${dialogs[0]}`);
    await page.close();
  }
});

await check("no link or handler carries a payload", async () => {
  for (const p of pages) {
    const { page } = await open(base + p);
    const armed = await page.evaluate(() => {
      const found = [];
      for (const e of document.querySelectorAll("*")) {
        for (const a of e.attributes) {
          const value = a.value.toLowerCase();
          const scriptUrl = ["href", "src", "action", "formaction"].includes(a.name) && value.trim().startsWith("javascript:");
          const handler = a.name.startsWith("on") && value.includes("__pwned");
          if (scriptUrl || handler) found.push(`<${e.localName} ${a.name}="${a.value}">`);
        }
        if (e.localName === "script" && e.textContent.includes("__pwned")) found.push("<script>" + e.textContent);
      }
      return found;
    });
    expect(armed.length === 0, `${p}: ${armed.join(", ")}`);
    await page.close();
  }
});

await check("search results show the hostile titles as text", async () => {
  const { page, dialogs } = await open(`${base}/lab/step/`);
  await page.fill("[data-search-input]", "pwnedword");
  await page.waitForSelector(".search-results a", { timeout: 5000 });
  await page.waitForTimeout(100);
  const text = await page.locator(".search-results").innerText();
  expect(text.includes("Step </title><script>"), `results read: ${text}`);
  expect((await ran(page)) === undefined && dialogs.length === 0, "a payload ran from the results");
  await page.close();
});

await browser.close();
server.close();
finish();
