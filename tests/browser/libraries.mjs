// Opens a built relearn site in headless Chromium and checks that the browser
// libraries labsite publishes with it do their work: MathJax typesets a
// formula of the `math` shortcode, swagger-ui lays out the spec of `openapi`.
// Usage: node libraries.mjs PUBLIC_DIR [CHROMIUM].
import path from "node:path";
import { launch, check, expect, finish, serveFolder } from "./harness.mjs";

const root = path.resolve(process.argv[2]);
const executablePath = process.argv[3] || "/usr/bin/chromium";
const { server, base } = await serveFolder(root);
const browser = await launch(executablePath);

await check("MathJax typesets the formula", async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/formula/`);
  await page.waitForSelector(".math mjx-container", { timeout: 15000 });
  await page.close();
});

await check("swagger-ui lays out the spec of the bundle", async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/api/`);
  const summary = page.locator(".sc-openapi-container .opblock-summary-description");
  await summary.first().waitFor({ timeout: 15000 });
  expect((await summary.first().innerText()) === "List all pets", "the operation is not shown");
  const title = await page.locator(".sc-openapi-container .title").first().innerText();
  expect(title.includes('Pets "API"'), `the spec's title reads ${JSON.stringify(title)}`);
  const wrapper = page.locator(".sc-openapi-wrapper").first();
  expect(!(await wrapper.getAttribute("class")).includes("is-loading"), "the spinner stays");
  await page.close();
});

await browser.close();
server.close();
finish();
