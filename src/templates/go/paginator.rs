//! Hugo's pagination of list pages: `.Paginator` (the page's own list: the
//! whole site's regular pages on the home page, the page's pages elsewhere)
//! and `.Paginate LIST [SIZE]`, each pager at `LIST-URL/page/N/`, and
//! `_internal/pagination.html`, the navigation between pagers.

use super::Env;
use super::objects::{Answer, PageObject, obj};
use crate::content::{ContentTree, Kind, PageId};
use crate::gotemplate::value::{Object, Value};
use std::fmt::Write as _;
use std::rc::Rc;

/// Hugo's default number of pages per pager.
const DEFAULT_PAGER_SIZE: usize = 10;

/// The pagers of one list: its items cut into pagers of `size`.
pub(super) struct Pagination<'a> {
    items: Vec<Value<'a>>,
    size: usize,
    /// The list page's URL (`/posts/`), pager 1's.
    base_url: String,
}

impl Pagination<'_> {
    pub(super) fn total(&self) -> usize {
        self.items.len().div_ceil(self.size)
    }

    /// The URL of pager `number` (from 1).
    fn url(&self, number: usize) -> String {
        if number <= 1 {
            self.base_url.clone()
        } else {
            format!("{}page/{number}/", self.base_url)
        }
    }
}

/// One pager of a pagination.
pub struct Pager<'a> {
    pagination: Rc<Pagination<'a>>,
    /// From 1.
    number: usize,
}

impl<'a> Pager<'a> {
    fn at(&self, number: usize) -> Value<'a> {
        obj(Pager {
            pagination: self.pagination.clone(),
            number,
        })
    }

    fn items(&self) -> &[Value<'a>] {
        let p = &self.pagination;
        let start = ((self.number - 1) * p.size).min(p.items.len());
        let end = (start + p.size).min(p.items.len());
        p.items.get(start..end).unwrap_or_default()
    }
}

impl<'a> Object<'a> for Pager<'a> {
    fn method(&self, name: &str, _args: &[Value<'a>]) -> Answer<'a> {
        let p = &self.pagination;
        let total = p.total();
        let count = |n: usize| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
        Some(Ok(match name {
            "Pages" => Value::list(self.items().to_vec()),
            "PageNumber" => count(self.number),
            "TotalPages" => count(total),
            "PagerSize" | "PageSize" => count(p.size),
            "TotalNumberOfElements" => count(p.items.len()),
            "NumberOfElements" => count(self.items().len()),
            "URL" => Value::str(p.url(self.number)),
            "HasPrev" => Value::Bool(self.number > 1),
            "HasNext" => Value::Bool(self.number < total),
            "Prev" if self.number > 1 => self.at(self.number - 1),
            "Next" if self.number < total => self.at(self.number + 1),
            "Prev" | "Next" => Value::Nil,
            "First" => self.at(1),
            "Last" => self.at(total.max(1)),
            "Pagers" => Value::list((1..=total).map(|n| self.at(n)).collect()),
            _ => return None,
        }))
    }

    fn type_name(&self) -> &'static str {
        "*page.Pager"
    }

    fn display(&self) -> String {
        format!("Pager {}", self.number)
    }
}

/// The pager size of the site's config (`pagination.pagerSize`, or the older
/// `paginate`), Hugo's 10 when it sets none.
fn configured_size(env: &Env<'_>) -> usize {
    let raw = &env.site().config.raw;
    let set = raw
        .get("pagination")
        .and_then(|p| p.get("pagersize"))
        .or_else(|| raw.get("paginate"));
    set.and_then(|v| {
        v.as_u64()
            .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
    })
    .and_then(|n| usize::try_from(n).ok())
    .filter(|&n| n > 0)
    .unwrap_or(DEFAULT_PAGER_SIZE)
}

/// The pages `.Paginator` lists for page `id`: the site's regular pages on
/// the home page, a section's own regular pages, a taxonomy's terms and a
/// term's pages, in the default order.
fn default_items<'a>(env: &Rc<Env<'a>>, lang: usize, id: PageId) -> Vec<Value<'a>> {
    let site = &env.build.sites[lang];
    let tree = &site.tree;
    let rank = site.ranks();
    let mut ids: Vec<PageId> = if id == ContentTree::HOME {
        tree.listed()
            .filter(|&p| tree[p].kind == Kind::Page)
            .collect()
    } else {
        tree[id]
            .children
            .iter()
            .copied()
            .filter(|&c| tree[c].render)
            .filter(|&c| tree[id].kind != Kind::Section || tree[c].kind == Kind::Page)
            .collect()
    };
    ids.sort_by_key(|&p| rank[p]);
    ids.into_iter()
        .map(|p| PageObject::value(env, lang, p))
        .collect()
}

/// `.Paginator` (`items` `None`) or `.Paginate items [size]` of page `id`:
/// the pager the run is drawing. Only the page being drawn paginates, and
/// once: the first call's list and size hold for the page.
pub fn pager<'a>(
    env: &Rc<Env<'a>>,
    lang: usize,
    id: PageId,
    items: Option<Vec<Value<'a>>>,
    size: Option<usize>,
) -> Result<Value<'a>, String> {
    if (lang, id) != (env.lang, env.page) {
        return Err("pagination is only for the page being drawn".into());
    }
    let site = &env.build.sites[lang];
    let pagination = env.pagination(|| Pagination {
        items: items.unwrap_or_else(|| default_items(env, lang, id)),
        size: size
            .filter(|&n| n > 0)
            .unwrap_or_else(|| configured_size(env)),
        base_url: site.rel_permalink(id),
    });
    Ok(obj(Pager {
        pagination,
        number: env.pager(),
    }))
}

/// Hugo's `_internal/pagination.html` for `dot` (the page, or a map of
/// `page` and `format`: `default` or `terse`): the list of links between
/// pagers, when there is more than one.
pub fn navigation<'a>(dot: &Value<'a>) -> Result<String, String> {
    let (page, format) = match dot {
        Value::Map(m) => (
            m.get("page").cloned().ok_or(
                "the map given to the pagination template needs the current page as `page`",
            )?,
            m.get("format")
                .map(|f| f.to_text().to_lowercase())
                .unwrap_or_else(|| "default".into()),
        ),
        other => (other.clone(), "default".into()),
    };
    let slots = match format.as_str() {
        "default" => 5,
        "terse" => 3,
        other => {
            return Err(format!(
                "pagination format {other:?} is not one of: default, terse"
            ));
        }
    };
    let Value::Object(page) = page else {
        return Err("the pagination template needs a page".into());
    };
    let pager = page
        .method("Paginator", &[])
        .ok_or("the pagination template needs a page")??;
    let Value::Object(pager) = pager else {
        return Ok(String::new());
    };
    let number = |name: &str| {
        pager
            .method(name, &[])
            .and_then(Result::ok)
            .and_then(|v| v.as_i64())
            .unwrap_or(0)
    };
    let (current, total) = (number("PageNumber"), number("TotalPages"));
    if total <= 1 {
        return Ok(String::new());
    }
    let url_of = |n: i64| {
        let base = pager
            .method("First", &[])
            .and_then(Result::ok)
            .and_then(|first| match first {
                Value::Object(o) => o.method("URL", &[]).and_then(Result::ok),
                _ => None,
            })
            .map(|u| u.to_text())
            .unwrap_or_default();
        if n <= 1 {
            base
        } else {
            format!("{base}page/{n}/")
        }
    };
    let terse = slots == 3;
    let mut out = format!("\n\t\t<ul class=\"pagination pagination-{format}\">");
    let edge = |out: &mut String, label: &str, sign: &str, target: Option<i64>, indent: &str| {
        match target {
            Some(n) => {
                let _ = write!(
                    out,
                    "\n{indent}<li class=\"page-item\">\n{indent}\t<a href=\"{}\" aria-label=\"{label}\" class=\"page-link\" role=\"button\"><span aria-hidden=\"true\">{sign}</span></a>\n{indent}</li>",
                    url_of(n)
                );
            }
            None if !terse => {
                let _ = write!(
                    out,
                    "\n{indent}<li class=\"page-item disabled\">\n{indent}\t<a aria-disabled=\"true\" aria-label=\"{label}\" class=\"page-link\" role=\"button\" tabindex=\"-1\"><span aria-hidden=\"true\">{sign}</span></a>\n{indent}</li>"
                );
            }
            None => {}
        }
    };
    edge(
        &mut out,
        "First",
        "&laquo;&laquo;",
        (current != 1).then_some(1),
        "\t\t\t",
    );
    edge(
        &mut out,
        "Previous",
        "&laquo;",
        (current > 1).then_some(current - 1),
        "\t\t",
    );
    let mut start = (current - slots / 2).max(1);
    let end = total.min(start + slots - 1);
    if end - start + 1 < slots {
        start = (end - slots + 1).max(1);
    }
    for k in start..=end {
        if k == current {
            let _ = write!(
                out,
                "\n\t\t\t<li class=\"page-item active\">\n\t\t\t\t<a aria-current=\"page\" aria-label=\"Page {k}\" class=\"page-link\" role=\"button\">{k}</a>\n\t\t\t</li>"
            );
        } else {
            let _ = write!(
                out,
                "\n\t\t\t<li class=\"page-item\">\n\t\t\t\t<a href=\"{}\" aria-label=\"Page {k}\" class=\"page-link\" role=\"button\">{k}</a>\n\t\t\t</li>",
                url_of(k)
            );
        }
    }
    edge(
        &mut out,
        "Next",
        "&raquo;",
        (current < total).then_some(current + 1),
        "\t\t",
    );
    edge(
        &mut out,
        "Last",
        "&raquo;&raquo;",
        (current != total).then_some(total),
        "\t\t\t",
    );
    out.push_str("\n\t\t</ul>");
    Ok(out)
}
