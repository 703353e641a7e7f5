//! `labsite deploy`: publishes the built site (`public/`, or `publishDir`) to
//! the bucket of a `[[deployment.targets]]` entry as `hugo deploy` does:
//! uploads what changed (MD5 against the remote ETag), deletes what the site
//! no longer has (at most `maxDeletes`), sets each object's headers from the
//! `[[deployment.matchers]]`, then invalidates the CloudFront distribution.
//! It never builds: run `labsite build` first.

mod bucket;
mod cdn;
mod local;
mod plan;
mod settings;

use crate::config::{Config, Overrides};
use crate::error::{Error, Result};
use futures_util::{StreamExt, TryStreamExt};
use object_store::{Attribute, Attributes, ObjectStoreExt, PutOptions};
use plan::{Plan, RemoteObject};
use std::collections::BTreeMap;
use std::path::PathBuf;

pub use plan::Reason;

/// What `labsite deploy` was asked.
#[derive(Debug, Clone, Default)]
pub struct DeployOptions {
    pub source: PathBuf,
    pub overrides: Overrides,
    /// The folder to publish (default: the config's `publishDir`, else `public`).
    pub publish_dir: Option<PathBuf>,
    pub target: Option<String>,
    pub dry_run: bool,
    pub force: bool,
    /// `Some` overrides the config's `invalidateCDN`.
    pub invalidate_cdn: Option<bool>,
    /// `Some` overrides the config's `maxDeletes`; negative means no limit.
    pub max_deletes: Option<i64>,
    /// `Some` overrides the config's `workers`.
    pub workers: Option<usize>,
}

/// One file a deploy uploaded (or would upload).
#[derive(Debug, Clone)]
pub struct Upload {
    pub key: String,
    pub bytes: u64,
    pub reason: Reason,
}

/// What a deploy did (or, dry, would do).
#[derive(Debug, Clone, Default)]
pub struct DeployReport {
    pub target: String,
    pub url: String,
    pub dry_run: bool,
    pub uploaded: Vec<Upload>,
    pub deleted: Vec<String>,
    pub unchanged: usize,
    /// The CloudFront paths invalidated, and the invalidation's id.
    pub invalidated: Vec<String>,
    pub invalidation_id: Option<String>,
}

impl DeployReport {
    pub fn bytes(&self) -> u64 {
        self.uploaded.iter().map(|u| u.bytes).sum()
    }

    /// The report as JSON (`--report json`).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "target": self.target,
            "url": self.url,
            "dryRun": self.dry_run,
            "uploaded": self.uploaded.iter().map(|u| serde_json::json!({
                "path": u.key, "bytes": u.bytes, "reason": u.reason.as_str(),
            })).collect::<Vec<_>>(),
            "deleted": self.deleted,
            "unchanged": self.unchanged,
            "bytes": self.bytes(),
            "invalidated": self.invalidated,
        })
    }
}

/// Publishes the site. `confirm` is asked (with the plan's counts: uploads,
/// bytes, deletes) before anything changes; `false` aborts.
pub fn deploy(
    options: &DeployOptions,
    confirm: &mut dyn FnMut(usize, u64, usize) -> bool,
) -> Result<DeployReport> {
    let config = Config::load(&options.source, &options.overrides)?;
    let config_file = config
        .files
        .first()
        .cloned()
        .unwrap_or_else(|| PathBuf::from("hugo.toml"));
    let deployment = settings::Deployment::from_config(&config.raw, &config_file)?;
    let target = deployment.target(options.target.as_deref(), &config_file)?;
    let publish_dir = options
        .publish_dir
        .clone()
        .unwrap_or_else(|| options.source.join(&config.publish_dir));
    let files = local::files(&publish_dir, &deployment, target)?;
    let what = format!("deployment target {:?} ({})", target.name, target.url);
    let bucket = bucket::open(&target.url, &what)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::file(&what, e.to_string()))?;
    runtime.block_on(async {
        let remote = list_remote(&bucket, target, &what).await?;
        let files = files
            .into_iter()
            .map(|mut f| {
                f.key = bucket.location(&f.key);
                f
            })
            .collect();
        let plan = plan::plan(files, remote, &deployment, options.force);
        let max_deletes = options.max_deletes.unwrap_or(deployment.max_deletes);
        if max_deletes >= 0 && plan.deletes.len() as i64 > max_deletes {
            return Err(Error::file(
                &what,
                format!(
                    "{} files would be deleted, more than --maxDeletes ({max_deletes}); nothing was changed. If this is expected, run again with --maxDeletes {} (or -1 for no limit)",
                    plan.deletes.len(),
                    plan.deletes.len()
                ),
            ));
        }
        let mut report = DeployReport {
            target: target.name.clone(),
            url: target.url.clone(),
            dry_run: options.dry_run,
            uploaded: plan
                .uploads
                .iter()
                .map(|(f, reason)| Upload {
                    key: f.key.clone(),
                    bytes: f.size,
                    reason: *reason,
                })
                .collect(),
            deleted: plan.deletes.clone(),
            unchanged: plan.unchanged,
            ..DeployReport::default()
        };
        let changes = plan.uploads.len() + plan.deletes.len();
        if options.dry_run || changes == 0 {
            return Ok(report);
        }
        if !confirm(plan.uploads.len(), plan.upload_bytes(), plan.deletes.len()) {
            return Err(Error::file(&what, "deploy aborted: nothing was changed"));
        }
        let workers = options.workers.unwrap_or(deployment.workers).max(1);
        apply(&bucket, &plan, workers).await?;
        let invalidate = options.invalidate_cdn.unwrap_or(deployment.invalidate_cdn);
        if let (true, Some(distribution)) = (invalidate, &target.cloudfront_distribution_id) {
            let credential = bucket.aws_credential().await.ok_or_else(|| {
                Error::file(
                    &what,
                    "cloudFrontDistributionID is set but the target is not an S3 bucket with AWS credentials",
                )
            })?;
            let keys: Vec<&str> = report
                .uploaded
                .iter()
                .map(|u| u.key.as_str())
                .chain(report.deleted.iter().map(String::as_str))
                .filter_map(|k| bucket.key(k))
                .collect();
            let paths = cdn::paths(&keys);
            let distribution = distribution.clone();
            let sent = paths.clone();
            let id = tokio::task::spawn_blocking(move || {
                cdn::invalidate(&distribution, &sent, &credential)
            })
            .await
            .map_err(|e| Error::file(&what, e.to_string()))??;
            report.invalidated = paths;
            report.invalidation_id = Some(id);
        }
        Ok(report)
    })
}

/// The bucket's objects under the target's prefix that the target covers,
/// by location.
async fn list_remote(
    bucket: &bucket::Bucket,
    target: &settings::Target,
    what: &str,
) -> Result<BTreeMap<String, RemoteObject>> {
    let prefix = bucket.listing_prefix();
    let listed: Vec<object_store::ObjectMeta> = bucket
        .store
        .list(prefix.as_ref())
        .try_collect()
        .await
        .map_err(|e| Error::file(what, format!("cannot list the bucket: {}", server_said(&e))))?;
    Ok(listed
        .into_iter()
        .filter(|meta| {
            bucket
                .key(meta.location.as_ref())
                .is_some_and(|key| target.covers(key))
        })
        .map(|meta| {
            let remote = RemoteObject::new(meta.size, meta.e_tag.as_deref());
            (meta.location.to_string(), remote)
        })
        .collect())
}

/// Uploads, then (only when every upload succeeded) deletes, `workers` at a
/// time; every failure is reported, each naming its object.
async fn apply(bucket: &bucket::Bucket, plan: &Plan, workers: usize) -> Result<()> {
    let uploads = futures_util::stream::iter(plan.uploads.iter().map(|(file, _)| async move {
        let failed = |message: String| Error::file(&file.key, format!("upload failed: {message}"));
        let bytes = file.upload_bytes()?;
        let mut attributes = Attributes::new();
        attributes.insert(Attribute::ContentType, file.content_type.clone().into());
        if let Some(cache) = &file.cache_control {
            attributes.insert(Attribute::CacheControl, cache.clone().into());
        }
        if let Some(encoding) = &file.content_encoding {
            attributes.insert(Attribute::ContentEncoding, encoding.clone().into());
        }
        let options = PutOptions {
            attributes,
            ..PutOptions::default()
        };
        bucket
            .store
            .put_opts(&object_path(&file.key)?, bytes.into(), options)
            .await
            .map(|_| ())
            .map_err(|e| failed(server_said(&e)))
    }))
    .buffer_unordered(workers)
    .collect::<Vec<Result<()>>>()
    .await;
    let failures: Vec<Error> = uploads.into_iter().filter_map(|r| r.err()).collect();
    if !failures.is_empty() {
        return Err(Error::Many(failures));
    }
    let deletes = futures_util::stream::iter(plan.deletes.iter().map(|key| async move {
        bucket
            .store
            .delete(&object_path(key)?)
            .await
            .map_err(|e| Error::file(key, format!("delete failed: {}", server_said(&e))))
    }))
    .buffer_unordered(workers)
    .collect::<Vec<Result<()>>>()
    .await;
    let failures: Vec<Error> = deletes.into_iter().filter_map(|r| r.err()).collect();
    match failures.is_empty() {
        true => Ok(()),
        false => Err(Error::Many(failures)),
    }
}

/// An object store error in one line: the service's error code and message
/// when it answered with an S3-style error document, else the first line.
fn server_said(error: &object_store::Error) -> String {
    let text = error.to_string();
    let between = |open: &str, close: &str| {
        text.split_once(open)
            .and_then(|(_, rest)| rest.split_once(close))
            .map(|(inner, _)| inner.to_string())
    };
    match (
        between("<Code>", "</Code>"),
        between("<Message>", "</Message>"),
    ) {
        (Some(code), Some(message)) => format!("the bucket answered {code}: {message}"),
        _ => text.lines().next().unwrap_or_default().to_string(),
    }
}

/// The object path of a location as listed or planned (already encoded).
fn object_path(location: &str) -> Result<object_store::path::Path> {
    object_store::path::Path::parse(location)
        .map_err(|e| Error::file(location, format!("not a valid object name: {e}")))
}
