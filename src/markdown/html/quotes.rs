//! Blockquotes, and the site's blockquote hook: a blockquote written by the
//! hook with its content as `.Text`, and an alert (`> [!NOTE]`, `> [!tip]+
//! Title`) given as one (`.Type` `alert`, `.AlertType`, `.AlertSign`,
//! `.AlertTitle`), its first line taken off the content.

use super::Writer;
use crate::markdown::{HookCall, HookKind};

const OPEN: &str = "<blockquote>\n";

/// An alert's type (lower case), sign and title, and its content after the
/// first line: `<p>[!NOTE]\nText</p>` is `note`, ``, ``, `<p>Text</p>`.
fn alert(inner: &str) -> Option<(String, String, String, String)> {
    let rest = inner.strip_prefix("<p>[!")?;
    let close = rest.find(']')?;
    let kind = rest.get(..close)?;
    if kind.is_empty()
        || !kind
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let after = rest.get(close + 1..)?;
    let sign = after.chars().next().filter(|c| *c == '+' || *c == '-');
    let after = after.get(sign.map_or(0, char::len_utf8)..)?;
    let line_end = after.find(['\n', '<']).unwrap_or(after.len());
    let title = after.get(..line_end)?.trim().to_string();
    let remaining = after.get(line_end..)?;
    let content = match remaining.strip_prefix('\n') {
        Some(more) => format!("<p>{more}"),
        None => remaining
            .strip_prefix("</p>")
            .unwrap_or(remaining)
            .trim_start_matches('\n')
            .to_string(),
    };
    Some((
        kind.to_lowercase(),
        sign.map(String::from).unwrap_or_default(),
        title,
        content.trim_end_matches('\n').to_string(),
    ))
}

impl Writer<'_> {
    pub(super) fn start_blockquote(&mut self) {
        let hooked = self
            .settings
            .hooks
            .is_some_and(|h| h.has(HookKind::Blockquote, ""));
        self.blockquotes.push(hooked.then_some(self.out.len()));
        self.out.push_str(OPEN);
    }

    pub(super) fn end_blockquote(&mut self) {
        let Some(Some(start)) = self.blockquotes.pop() else {
            self.out.push_str("</blockquote>\n");
            return;
        };
        let inner = self.out.split_off(start);
        let inner = inner.strip_prefix(OPEN).unwrap_or(&inner);
        let (kind_type, alert) = match alert(inner) {
            Some(found) => ("alert", Some(found)),
            None => ("regular", None),
        };
        let (alert_type, alert_sign, alert_title, text) = match &alert {
            Some((t, s, title, content)) => {
                (t.as_str(), s.as_str(), title.as_str(), content.as_str())
            }
            None => ("", "", "", inner),
        };
        let call = HookCall {
            text,
            ordinal: self.quote_ordinal,
            kind_type,
            alert_type,
            alert_sign,
            alert_title,
            ..HookCall::default()
        };
        self.quote_ordinal += 1;
        if let Some(hooks) = self.settings.hooks {
            let html = hooks.render(HookKind::Blockquote, &call);
            self.out.push_str(&html);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::alert;

    #[test]
    fn alerts_are_told_apart_by_their_first_line() {
        let found = |html: &str| alert(html).map(|(t, s, title, c)| format!("{t}|{s}|{title}|{c}"));
        assert_eq!(
            found("<p>[!NOTE]\nAn alert.</p>\n").as_deref(),
            Some("note|||<p>An alert.</p>")
        );
        assert_eq!(
            found("<p>[!warning]- Custom title\nFolded.</p>\n").as_deref(),
            Some("warning|-|Custom title|<p>Folded.</p>")
        );
        assert_eq!(
            found("<p>[!TIP]</p>\n<p>Next.</p>\n").as_deref(),
            Some("tip|||<p>Next.</p>")
        );
        assert_eq!(found("<p>quote</p>\n"), None);
        assert_eq!(found("<p>[not an alert]</p>\n"), None);
    }
}
