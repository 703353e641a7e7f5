//! Hugo's `.TableOfContents` (spec §5.5): headings from level 2 to 3 as nested
//! `<ul>` lists inside `<nav id="TableOfContents">`, two-space indented; a missing
//! intermediate level gives an `<li>` without a link.

/// A heading of the page, as the TOC needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    /// Inner HTML of the heading with links removed.
    pub html: String,
}

/// Which headings the table lists and how (`markup.tableOfContents`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Levels {
    pub start: usize,
    pub end: usize,
    /// `<ol>` lists instead of `<ul>`.
    pub ordered: bool,
}

impl Default for Levels {
    /// Hugo's defaults: levels 2 to 3, unordered.
    fn default() -> Self {
        Levels {
            start: 2,
            end: 3,
            ordered: false,
        }
    }
}

#[derive(Default)]
struct Node {
    heading: Option<usize>,
    children: Vec<Node>,
}

/// Renders the TOC of `headings`. Like Hugo, every heading takes its place in a
/// tree of all six levels (missing parents become empty items; each `h1` starts a
/// new row) and only the levels of `levels` are written.
pub fn render(headings: &[Heading], levels: Levels) -> String {
    let mut rows: Vec<Node> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        let level = usize::from(h.level.clamp(1, 6)) - 1;
        if level == 0 || rows.is_empty() {
            rows.push(Node::default());
        }
        let Some(mut node) = rows.last_mut() else {
            continue;
        };
        if level == 0 {
            node.heading = Some(i);
            continue;
        }
        for _ in 1..level {
            if node.children.is_empty() {
                node.children.push(Node::default());
            }
            let last = node.children.len() - 1;
            // The list has an element: one was pushed above when it had none.
            #[allow(clippy::indexing_slicing)]
            {
                node = &mut node.children[last];
            }
        }
        node.children.push(Node {
            heading: Some(i),
            children: Vec::new(),
        });
    }
    let mut out = String::from("<nav id=\"TableOfContents\">");
    for row in &rows {
        write_level(&mut out, &row.children, headings, levels, 2, 1);
    }
    if out.ends_with('>') && out.len() > "<nav id=\"TableOfContents\">".len() {
        out.push('\n');
    }
    out.push_str("</nav>");
    out
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.push_str(&"  ".repeat(indent));
}

fn write_level(
    out: &mut String,
    nodes: &[Node],
    headings: &[Heading],
    levels: Levels,
    level: usize,
    indent: usize,
) {
    if level < levels.start {
        for n in nodes {
            write_level(out, &n.children, headings, levels, level + 1, indent);
        }
        return;
    }
    if level > levels.end || nodes.is_empty() {
        return;
    }
    let list = if levels.ordered { "ol" } else { "ul" };
    newline(out, indent);
    out.push_str(&format!("<{list}>"));
    for node in nodes {
        newline(out, indent + 1);
        out.push_str("<li>");
        // A heading without text (and so without an id) is an empty item.
        if let Some(h) = node
            .heading
            .and_then(|i| headings.get(i))
            .filter(|h| !h.id.is_empty())
        {
            out.push_str(&format!("<a href=\"#{}\">{}</a>", h.id, h.html));
        }
        let before = out.len();
        write_level(out, &node.children, headings, levels, level + 1, indent + 2);
        if out.len() > before {
            newline(out, indent + 1);
        }
        out.push_str("</li>");
    }
    newline(out, indent);
    out.push_str(&format!("</{list}>"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_default(headings: &[Heading]) -> String {
        render(headings, Levels::default())
    }

    fn h(level: u8, id: &str) -> Heading {
        Heading {
            level,
            id: id.into(),
            html: id.to_uppercase(),
        }
    }

    #[test]
    fn nested_shape_from_the_spec() {
        assert_eq!(
            render_default(&[h(2, "a"), h(3, "b")]),
            "<nav id=\"TableOfContents\">\n  <ul>\n    <li><a href=\"#a\">A</a>\n      <ul>\n        <li><a href=\"#b\">B</a></li>\n      </ul>\n    </li>\n  </ul>\n</nav>"
        );
    }

    #[test]
    fn no_headings_in_range() {
        assert_eq!(
            render_default(&[h(1, "t")]),
            "<nav id=\"TableOfContents\"></nav>"
        );
        assert_eq!(render_default(&[]), "<nav id=\"TableOfContents\"></nav>");
    }

    #[test]
    fn deeper_headings_leave_the_empty_skeleton() {
        assert_eq!(
            render_default(&[h(4, "x"), h(5, "y")]),
            "<nav id=\"TableOfContents\">\n  <ul>\n    <li>\n      <ul>\n        <li></li>\n      </ul>\n    </li>\n  </ul>\n</nav>"
        );
    }

    #[test]
    fn missing_level_gives_an_empty_item() {
        assert_eq!(
            render_default(&[h(3, "b")]),
            "<nav id=\"TableOfContents\">\n  <ul>\n    <li>\n      <ul>\n        <li><a href=\"#b\">B</a></li>\n      </ul>\n    </li>\n  </ul>\n</nav>"
        );
    }

    #[test]
    fn levels_and_list_kind_as_configured() {
        let levels = Levels {
            start: 2,
            end: 2,
            ordered: true,
        };
        assert_eq!(
            render(&[h(2, "a"), h(3, "b"), h(2, "c")], levels),
            "<nav id=\"TableOfContents\">\n  <ol>\n    <li><a href=\"#a\">A</a></li>\n    <li><a href=\"#c\">C</a></li>\n  </ol>\n</nav>"
        );
    }
}
