// Opens a page of a running `labsite serve` in headless Chromium, edits the
// page's Markdown and checks that the open page shows the edit by itself, shows
// a build error over the page while the site is broken, drops it once fixed,
// and shows a rebuild's warnings in a banner that can be dismissed.
// Usage: node serve.mjs PAGE_URL MARKDOWN_FILE [CHROMIUM]. Prints one line per
// check and "N passed, N failed"; exits non-zero when a check fails.
import fs from "node:fs";
import { launch, check, expect, finish } from "./harness.mjs";

const [url, file, executablePath = "/usr/bin/chromium"] = process.argv.slice(2);
const original = fs.readFileSync(file, "utf8");
const browser = await launch(executablePath);

const page = await browser.newPage();
await page.goto(url);
// The live-reload socket is open once the page has loaded its script.
await page.waitForFunction(() => performance.getEntriesByType("resource").some((r) => r.name.includes("livereload.js")));
await page.waitForTimeout(300);

await check("an edit shows in the open page without a manual reload", async () => {
  expect(!(await page.content()).includes("Written in the editor"), "the text is there before the edit");
  fs.writeFileSync(file, original + "\nWritten in the editor.\n");
  await page.waitForFunction(() => document.body.innerText.includes("Written in the editor."), null, { timeout: 10000 });
});

await check("a broken edit shows the error over the last good page", async () => {
  fs.writeFileSync(file, '+++\ntitle = "unterminated\n+++\nBody.\n');
  const overlay = page.locator("#labsite-error");
  await overlay.waitFor({ state: "visible", timeout: 10000 });
  const text = await overlay.innerText();
  expect(text.includes(":2:22: invalid TOML front matter"), `the overlay says: ${text}`);
  expect((await page.content()).includes("Written in the editor."), "the last good page is gone");
});

await check("fixing the file removes the error", async () => {
  fs.writeFileSync(file, original);
  await page.waitForFunction(() => !document.getElementById("labsite-error") && !document.body.innerText.includes("Written in the editor."), null, { timeout: 10000 });
});

await check("a rebuild's warnings show in a banner that can be dismissed, the page still usable", async () => {
  fs.writeFileSync(file, original + "\n{{% notice info %}}\nNever closed.\n");
  // The page reloads with the rebuild; the banner it then shows lists the new warning.
  await page.waitForFunction(
    () => (document.getElementById("labsite-warnings")?.textContent || "").includes("never closed"),
    null,
    { timeout: 10000 },
  );
  const banner = page.locator("#labsite-warnings");
  const text = await banner.textContent();
  expect(text.includes('shortcode "notice" is never closed'), `the banner says: ${text}`);
  expect(text.includes("first.md:"), `the banner names no file: ${text}`);
  expect((await page.locator("#labsite-error").count()) === 0, "the warnings block the page");
  await banner.locator("button").click();
  expect((await page.locator("#labsite-warnings").count()) === 0, "the banner stays after dismissing it");
  fs.writeFileSync(file, original);
  await page.waitForFunction(() => !document.body.innerText.includes("Never closed."), null, { timeout: 10000 });
});

await browser.close();
fs.writeFileSync(file, original);
finish();
