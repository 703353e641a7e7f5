//! The Markdown writer against Goldmark's output for each construct.

use crate::markdown::{Settings, render};

fn html(src: &str) -> String {
    render(src, Settings::default()).html
}

fn unsafe_html(src: &str) -> String {
    render(
        src,
        Settings {
            unsafe_html: true,
            ..Default::default()
        },
    )
    .html
}

#[test]
fn headings_get_github_ids_and_duplicates_suffixes() {
    assert_eq!(
        html(
            "#### Considerations for your AWS KMS CMK\n## Foo\n## Foo\n## Foo 1\n## Custom {#mine .c}"
        ),
        "<h4 id=\"considerations-for-your-aws-kms-cmk\">Considerations for your AWS KMS CMK</h4>\n<h2 id=\"foo\">Foo</h2>\n<h2 id=\"foo-1\">Foo</h2>\n<h2 id=\"foo-1-1\">Foo 1</h2>\n<h2 id=\"mine\" class=\"c\">Custom</h2>\n"
    );
    assert_eq!(
        html("## What's *new*?"),
        "<h2 id=\"whats-new\">What&rsquo;s <em>new</em>?</h2>\n"
    );
}

#[test]
fn void_tags_are_html5() {
    assert_eq!(
        html("a  \nb\n\n---\n\n![alt *x*](/i.png \"T\")"),
        "<p>a<br>\nb</p>\n<hr>\n<p><img src=\"/i.png\" alt=\"alt x\" title=\"T\"></p>\n"
    );
}

#[test]
fn raw_html_is_omitted_unless_unsafe() {
    let r = render(
        "<div>\nx\n</div>\n\na <b>b</b>\n\n<!-- note -->\n",
        Settings::default(),
    );
    assert_eq!(
        r.html,
        "<!-- raw HTML omitted -->\n<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n"
    );
    assert_eq!(r.raw_html_omitted, 3);
    assert_eq!(
        unsafe_html("<div>\nx\n</div>\n\na <b>b</b>"),
        "<div>\nx\n</div>\n<p>a <b>b</b></p>\n"
    );
}

#[test]
fn dangerous_urls_are_emptied() {
    assert_eq!(
        html("[x](javascript:alert(1)) [y](https://a.io/?a=1&b=2)"),
        "<p><a href=\"\">x</a> <a href=\"https://a.io/?a=1&amp;b=2\">y</a></p>\n"
    );
}

#[test]
fn task_lists_tables_strikethrough() {
    assert_eq!(
        html("- [x] done\n- [ ] todo\n\n~~old~~"),
        "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> done</li>\n<li><input disabled=\"\" type=\"checkbox\"> todo</li>\n</ul>\n<p><del>old</del></p>\n"
    );
    assert_eq!(
        html("| A | B |\n|:--|---|\n| 1 | 2 |\n"),
        "<table>\n\t<thead>\n\t\t\t<tr>\n\t\t\t\t\t<th style=\"text-align: left\">A</th>\n\t\t\t\t\t<th>B</th>\n\t\t\t</tr>\n\t</thead>\n\t<tbody>\n\t\t\t<tr>\n\t\t\t\t\t<td style=\"text-align: left\">1</td>\n\t\t\t\t\t<td>2</td>\n\t\t\t</tr>\n\t</tbody>\n</table>\n"
    );
}

#[test]
fn footnotes_and_definition_lists() {
    assert_eq!(
        html("a[^n]\n\n[^n]: note\n"),
        "<p>a<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>note&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n"
    );
    assert_eq!(
        html("Term\n: Def\n"),
        "<dl>\n<dt>Term</dt>\n<dd>Def</dd>\n</dl>\n"
    );
}

#[test]
fn code_blocks() {
    assert_eq!(
        html("```\na < b\n```"),
        "<pre tabindex=\"0\"><code>a &lt; b\n</code></pre>"
    );
    assert_eq!(
        html("```nosuchlang\necho 'x'\n```"),
        "<pre tabindex=\"0\"><code class=\"language-nosuchlang\" data-lang=\"nosuchlang\">echo &#39;x&#39;\n</code></pre>"
    );
    assert_eq!(
        html("    indented\n"),
        "<pre><code>indented\n</code></pre>\n"
    );
}

#[test]
fn bare_urls_are_linked() {
    assert_eq!(
        html("go to https://aws.amazon.com."),
        "<p>go to <a href=\"https://aws.amazon.com\">https://aws.amazon.com</a>.</p>\n"
    );
    assert_eq!(
        html("[https://x.io](https://y.io)"),
        "<p><a href=\"https://y.io\">https://x.io</a></p>\n"
    );
}

#[test]
fn smart_punctuation() {
    assert_eq!(
        html("\"quoted\" -- it's..."),
        "<p>&ldquo;quoted&rdquo; &ndash; it&rsquo;s&hellip;</p>\n"
    );
}

#[test]
fn loose_and_nested_lists() {
    assert_eq!(
        html("- a\n\n- b\n"),
        "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n"
    );
    assert_eq!(
        html("- a\n  - b\n"),
        "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n"
    );
    assert_eq!(html("3. x\n"), "<ol start=\"3\">\n<li>x</li>\n</ol>\n");
}
