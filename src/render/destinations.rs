//! Hugo's embedded link and image render hooks (`markup.goldmark.renderHooks`,
//! on by default for sites that declare `languages`): a Markdown link that names a
//! page (`../setup.md`, `/labs/step1.html`), a file of the page's bundle or a file
//! of the site's `assets/` points at its URL, and a link to `#fragment` alone gets
//! the page's own URL in front; an image that names a bundle file or an asset
//! points at its URL. Anything else stays as written, as in Hugo. relearn's image
//! hook finds images the same way, so its sites get the image part always.

use crate::config::EmbeddedHook;
use crate::content::PageId;
use crate::library::SiteData;
use crate::library::flavour::Flavour;
use crate::markdown::Destinations;

/// The hooks of one page.
pub struct PageDestinations<'s, 'a> {
    site: &'s SiteData<'a>,
    page: PageId,
    links: bool,
    images: bool,
}

/// Whether Hugo would run its embedded hook: always when asked, else only when the
/// theme has no hook of its own (relearn has both).
fn applies(setting: EmbeddedHook, flavour: Flavour) -> bool {
    match setting {
        EmbeddedHook::Always => true,
        EmbeddedHook::Fallback => !flavour.has_own_render_hooks(),
        EmbeddedHook::Never => false,
    }
}

/// A destination taken apart as Go's `url.Parse` does, for one that is not
/// absolute (no scheme, no host): the path (percent-decoded), query and fragment.
struct Parts {
    path: String,
    query: String,
    fragment: String,
}

fn parts(destination: &str) -> Option<Parts> {
    // A scheme: a letter, then letters, digits, `+`, `-` or `.`, up to a `:`.
    let has_scheme = destination.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if has_scheme || destination.starts_with("//") {
        return None;
    }
    let (rest, fragment) = destination.split_once('#').unwrap_or((destination, ""));
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let path = percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned();
    Some(Parts {
        path,
        query: query.to_string(),
        fragment: fragment.to_string(),
    })
}

impl<'s, 'a> PageDestinations<'s, 'a> {
    /// The hooks that apply to `page` of `site`, if any does.
    pub fn for_page(site: &'s SiteData<'a>, page: PageId) -> Option<Self> {
        let flavour = site.flavour;
        let links = applies(site.config.link_hook, flavour);
        // relearn's own image hook finds an image the way Hugo's does.
        let images = flavour.has_own_render_hooks() || applies(site.config.image_hook, flavour);
        (links || images).then_some(PageDestinations {
            site,
            page,
            links,
            images,
        })
    }

    /// `.Resources.Get PATH`, then `resources.Get PATH`: the file's URL.
    fn file_url(&self, path: &str) -> Option<String> {
        match self.site.tree.resource(self.page, path) {
            Some(target) => Some(format!(
                "{}/{}",
                self.site.config.base_path(),
                crate::text::url::encode_path(&target)
            )),
            None => self.site.publish_asset(path),
        }
    }

    fn with_query_and_fragment(url: String, parts: &Parts) -> String {
        let mut url = url;
        if !parts.query.is_empty() {
            url.push('?');
            url.push_str(&parts.query);
        }
        if !parts.fragment.is_empty() {
            url.push('#');
            url.push_str(&parts.fragment);
        }
        url
    }
}

impl Destinations for PageDestinations<'_, '_> {
    fn link(&self, destination: &str) -> Option<String> {
        if !self.links || destination.is_empty() {
            return None;
        }
        if let Some(fragment) = destination.strip_prefix('#') {
            return Some(format!("{}#{fragment}", self.site.rel_permalink(self.page)));
        }
        let parts = parts(destination)?;
        let path = parts.path.strip_prefix("./").unwrap_or(&parts.path);
        if path.is_empty() {
            return None;
        }
        let dir = crate::library::refs::context_dir(&self.site.tree[self.page], path);
        let url = match self.site.refs.get_page(path, &dir) {
            Some(found) => self.site.rel_permalink(found),
            None => self.file_url(path)?,
        };
        Some(Self::with_query_and_fragment(url, &parts))
    }

    fn image(&self, destination: &str) -> Option<String> {
        if !self.images {
            return None;
        }
        let parts = parts(destination)?;
        let path = parts.path.strip_prefix("./").unwrap_or(&parts.path);
        if path.is_empty() {
            return None;
        }
        let url = self.file_url(path)?;
        Some(Self::with_query_and_fragment(url, &parts))
    }
}

#[cfg(test)]
mod tests {
    use super::parts;

    #[test]
    fn destinations_taken_apart_as_go_does() {
        for absolute in ["https://x.org/a.md", "mailto:a@b.c", "//host/a.md", "c:x"] {
            assert!(parts(absolute).is_none(), "{absolute}");
        }
        let p = parts("dir/my%20page.md?x=1&y=2#part").unwrap();
        assert_eq!(
            (p.path.as_str(), p.query.as_str(), p.fragment.as_str()),
            ("dir/my page.md", "x=1&y=2", "part")
        );
        // A colon after a slash is no scheme.
        assert_eq!(parts("a/b:c").unwrap().path, "a/b:c");
    }
}
