//! What a deploy changes, decided as Hugo decides it: a local file goes up when
//! the bucket lacks it, when its size or MD5 differs from the remote object's
//! (the ETag of a single-part upload is its MD5), or when forced; a remote
//! object the site no longer has is deleted. Uploads are ordered by the
//! deployment's `order` patterns, then by key.

use super::local::LocalFile;
use super::settings::Deployment;
use std::collections::BTreeMap;

/// An object in the bucket, as listed.
#[derive(Debug, Clone)]
pub struct RemoteObject {
    pub size: u64,
    /// Its MD5, when the listing gives one (an ETag of 32 hex digits).
    pub md5: Option<[u8; 16]>,
}

impl RemoteObject {
    pub fn new(size: u64, e_tag: Option<&str>) -> RemoteObject {
        RemoteObject {
            size,
            md5: e_tag.and_then(md5_of_etag),
        }
    }
}

/// The MD5 an ETag stands for: `"<32 hex digits>"` (quotes optional); a
/// multipart upload's `"…-N"` or a service's opaque tag stands for none.
fn md5_of_etag(e_tag: &str) -> Option<[u8; 16]> {
    let hex = e_tag.trim_matches('"');
    if hex.len() != 32 {
        return None;
    }
    let mut md5 = [0u8; 16];
    for (i, byte) in md5.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(md5)
}

/// Why a file goes up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    NotFound,
    Size,
    Md5,
    Force,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NotFound => "not found remotely",
            Reason::Size => "size differs",
            Reason::Md5 => "MD5 differs",
            Reason::Force => "forced",
        }
    }
}

/// The changes a deploy makes.
#[derive(Debug, Default)]
pub struct Plan {
    pub uploads: Vec<(LocalFile, Reason)>,
    pub deletes: Vec<String>,
    pub unchanged: usize,
}

impl Plan {
    /// The bytes the uploads send.
    pub fn upload_bytes(&self) -> u64 {
        self.uploads.iter().map(|(f, _)| f.size).sum()
    }
}

/// Compares `local` with `remote` (both already limited to what the target
/// covers); `force_all` is the `--force` flag.
pub fn plan(
    local: Vec<LocalFile>,
    mut remote: BTreeMap<String, RemoteObject>,
    deployment: &Deployment,
    force_all: bool,
) -> Plan {
    let mut plan = Plan::default();
    for file in local {
        let reason = match remote.remove(&file.key) {
            None => Some(Reason::NotFound),
            Some(_) if force_all || file.force => Some(Reason::Force),
            Some(r) if r.size != file.size => Some(Reason::Size),
            Some(r) if r.md5 != Some(file.md5) => Some(Reason::Md5),
            Some(_) => None,
        };
        match reason {
            Some(reason) => plan.uploads.push((file, reason)),
            None => plan.unchanged += 1,
        }
    }
    plan.uploads.sort_by(|(a, _), (b, _)| {
        (deployment.rank(&a.key), &a.key).cmp(&(deployment.rank(&b.key), &b.key))
    });
    plan.deletes = remote.into_keys().collect();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use md5::{Digest, Md5};
    use std::path::PathBuf;

    fn local(key: &str, content: &[u8], force: bool) -> LocalFile {
        LocalFile {
            key: key.into(),
            path: PathBuf::from(key),
            size: content.len() as u64,
            md5: Md5::digest(content).into(),
            content_type: "text/plain".into(),
            cache_control: None,
            content_encoding: None,
            gzip: false,
            force,
        }
    }

    fn deployment(order: &[&str]) -> Deployment {
        let raw = serde_json::json!({"deployment": {"order": order}});
        Deployment::from_config(raw.as_object().unwrap(), std::path::Path::new("hugo.toml"))
            .unwrap()
    }

    #[test]
    fn uploads_what_differs_deletes_what_is_gone_in_order() {
        let remote: BTreeMap<String, RemoteObject> = [
            (
                "same.html",
                RemoteObject::new(5, Some("\"5d41402abc4b2a76b9719d911017c592\"")),
            ),
            (
                "edited.html",
                RemoteObject::new(5, Some("\"00000000000000000000000000000000\"")),
            ),
            ("longer.html", RemoteObject::new(2, None)),
            (
                "multipart.jpg",
                RemoteObject::new(5, Some("\"5d41402abc4b2a76b9719d911017c592-2\"")),
            ),
            (
                "forced.css",
                RemoteObject::new(5, Some("5d41402abc4b2a76b9719d911017c592")),
            ),
            ("gone.html", RemoteObject::new(1, None)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let files = vec![
            local("edited.html", b"hello", false),
            local("forced.css", b"hello", true),
            local("longer.html", b"hello", false),
            local("multipart.jpg", b"hello", false),
            local("new.jpg", b"x", false),
            local("same.html", b"hello", false),
        ];
        let plan = plan(files, remote, &deployment(&["\\.jpg$"]), false);
        let uploads: Vec<(&str, Reason)> = plan
            .uploads
            .iter()
            .map(|(f, r)| (f.key.as_str(), *r))
            .collect();
        assert_eq!(
            uploads,
            [
                ("multipart.jpg", Reason::Md5),
                ("new.jpg", Reason::NotFound),
                ("edited.html", Reason::Md5),
                ("forced.css", Reason::Force),
                ("longer.html", Reason::Size),
            ]
        );
        assert_eq!(plan.deletes, ["gone.html"]);
        assert_eq!(plan.unchanged, 1);
        assert_eq!(plan.upload_bytes(), 5 + 1 + 5 + 5 + 5);
    }

    #[test]
    fn force_uploads_everything_present() {
        let remote: BTreeMap<String, RemoteObject> = [(
            "a".to_string(),
            RemoteObject::new(5, Some("5d41402abc4b2a76b9719d911017c592")),
        )]
        .into_iter()
        .collect();
        let plan = plan(
            vec![local("a", b"hello", false)],
            remote,
            &deployment(&[]),
            true,
        );
        assert_eq!(plan.uploads[0].1, Reason::Force);
        assert_eq!(plan.unchanged, 0);
    }
}
