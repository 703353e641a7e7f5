//! Links and images: Goldmark's `<a>` and `<img>`, or the site's render hooks
//! given the destination, title and content.

use super::{HookCall, HookKind, Writer};
use crate::text::escape::{escape_text, escape_url};
use pulldown_cmark::{CowStr, LinkType};

/// A link the site's render hook writes, while its content is written.
pub(super) struct HookedLink {
    destination: String,
    title: String,
    before: String,
}

impl Writer<'_> {
    pub(super) fn start_link(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'_>,
        title: CowStr<'_>,
    ) {
        let out = &mut self.out;
        self.link_depth += 1;
        self.in_autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
        if self
            .settings
            .hooks
            .is_some_and(|h| h.has(HookKind::Link, ""))
        {
            let destination = match link_type {
                LinkType::Email => format!("mailto:{dest_url}"),
                _ => dest_url.to_string(),
            };
            self.link_plain = Some(String::new());
            self.links.push(Some(HookedLink {
                destination,
                title: title.to_string(),
                before: std::mem::take(out),
            }));
            return;
        }
        self.links.push(None);
        out.push_str("<a href=\"");
        if link_type == LinkType::Email {
            out.push_str("mailto:");
            escape_url(out, &dest_url);
        } else {
            let resolved = self.settings.destinations.and_then(|d| d.link(&dest_url));
            escape_url(out, resolved.as_deref().unwrap_or(&dest_url));
        }
        out.push('"');
        if !title.is_empty() {
            out.push_str(" title=\"");
            escape_text(out, &title);
            out.push('"');
        }
        out.push('>');
    }

    pub(super) fn end_link(&mut self) {
        let out = &mut self.out;
        self.link_depth = self.link_depth.saturating_sub(1);
        self.in_autolink = false;
        match self.links.pop().flatten() {
            Some(link) => self.hooked_link(link),
            None => out.push_str("</a>"),
        }
    }

    pub(super) fn start_image(&mut self, dest_url: CowStr<'_>, title: CowStr<'_>) {
        let out = &mut self.out;
        let hooked = self
            .settings
            .hooks
            .is_some_and(|h| h.has(HookKind::Image, ""));
        if self.image_depth == 0 && hooked {
            self.hooked_images.push(Some(dest_url.to_string()));
            self.alt.clear();
            self.alt_html.clear();
            self.image_title.push(title.to_string());
        } else if self.image_depth == 0 {
            self.hooked_images.push(None);
            self.alt_html.clear();
            out.push_str("<img src=\"");
            let resolved = self.settings.destinations.and_then(|d| d.image(&dest_url));
            escape_url(out, resolved.as_deref().unwrap_or(&dest_url));
            out.push_str("\" alt=\"");
            self.alt.clear();
            self.image_title.push(title.to_string());
        }
        self.image_depth += 1;
    }

    pub(super) fn end_image(&mut self) {
        self.image_depth = self.image_depth.saturating_sub(1);
        let hooked = if self.image_depth == 0 {
            self.hooked_images.pop().flatten()
        } else {
            None
        };
        if let Some(destination) = hooked {
            self.hooked_image(&destination);
        } else if self.image_depth == 0 {
            let alt = std::mem::take(&mut self.alt);
            escape_text(&mut self.out, &alt);
            self.out.push('"');
            let title = self.image_title.pop().unwrap_or_default();
            if !title.is_empty() {
                self.out.push_str(" title=\"");
                escape_text(&mut self.out, &title);
                self.out.push('"');
            }
            self.out.push('>');
        }
    }

    /// Writes a link whose content is written (in `out`) through the site's
    /// link hook, after the output that came before it.
    fn hooked_link(&mut self, link: HookedLink) {
        let text = std::mem::replace(&mut self.out, link.before);
        let plain = self.link_plain.take().unwrap_or_default();
        let call = HookCall {
            destination: &link.destination,
            title: &link.title,
            text: &text,
            plain: &plain,
            ordinal: self.link_ordinal,
            ..HookCall::default()
        };
        self.link_ordinal += 1;
        if let Some(hooks) = self.settings.hooks {
            self.out.push_str(&hooks.render(HookKind::Link, &call));
        }
    }

    /// Writes an image, its description taken, through the site's image hook.
    fn hooked_image(&mut self, destination: &str) {
        let plain = std::mem::take(&mut self.alt);
        let text = std::mem::take(&mut self.alt_html);
        let title = self.image_title.pop().unwrap_or_default();
        let call = HookCall {
            destination,
            title: &title,
            text: &text,
            plain: &plain,
            ordinal: self.image_ordinal,
            ..HookCall::default()
        };
        self.image_ordinal += 1;
        if let Some(hooks) = self.settings.hooks {
            self.out.push_str(&hooks.render(HookKind::Image, &call));
        }
    }
}
