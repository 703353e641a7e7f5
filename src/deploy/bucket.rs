//! The bucket a target names, opened from its Go CDK URL as Hugo's deploy opens
//! it (`s3://bucket?region=…&endpoint=…`, `gs://bucket`, `azblob://container`,
//! each with an optional `prefix=`), with credentials found the usual way:
//! the environment, then (for S3) the shared profile files, then the
//! machine's role. Credentials are never printed.

use crate::error::{Error, Result};
use object_store::ObjectStore;
use object_store::aws::{AmazonS3, AmazonS3Builder, AwsCredential};
use object_store::azure::MicrosoftAzureBuilder;
use object_store::gcp::GoogleCloudStorageBuilder;
use object_store::path::Path as ObjectPath;
use std::collections::HashMap;
use std::sync::Arc;

/// An opened bucket.
pub struct Bucket {
    pub store: Arc<dyn ObjectStore>,
    /// Where the site's keys start in the bucket (`prefix=`), `""` or ending in `/`.
    pub prefix: String,
    /// The S3 client, for the credentials that also sign CloudFront requests.
    pub s3: Option<Arc<AmazonS3>>,
}

impl Bucket {
    /// The object name of a site key: the key under the prefix, as it is (no
    /// character escaped, so `é.png` is served at the address of `é.png`).
    pub fn location(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    /// The path to list the site's objects under (`None`: the whole bucket).
    pub fn listing_prefix(&self) -> Option<ObjectPath> {
        ObjectPath::parse(&self.prefix)
            .ok()
            .filter(|_| !self.prefix.is_empty())
    }

    /// The site key of an object path, `None` outside the prefix.
    pub fn key<'a>(&self, location: &'a str) -> Option<&'a str> {
        location.strip_prefix(&self.prefix)
    }

    /// The credentials the S3 client signs with.
    pub async fn aws_credential(&self) -> Option<Arc<AwsCredential>> {
        let s3 = self.s3.as_ref()?;
        s3.credentials().get_credential().await.ok()
    }
}

/// Opens the bucket of `url`; `what` names the target in errors.
pub fn open(url: &str, what: &str) -> Result<Bucket> {
    let bad = |message: String| Error::file(what, message);
    let parsed = url::Url::parse(url).map_err(|e| bad(format!("URL {url:?} is not a URL: {e}")))?;
    let name = parsed.host_str().unwrap_or_default().to_string();
    if name.is_empty() {
        return Err(bad(format!("URL {url:?} names no bucket")));
    }
    let query: HashMap<String, String> = parsed.query_pairs().into_owned().collect();
    let prefix = query
        .get("prefix")
        .map(|p| p.trim_start_matches('/').to_string())
        .filter(|p| !p.is_empty())
        .map(|p| if p.ends_with('/') { p } else { format!("{p}/") })
        .unwrap_or_default();
    let failed = |e: object_store::Error| bad(format!("cannot open {url}: {e}"));
    let (store, s3): (Arc<dyn ObjectStore>, _) = match parsed.scheme() {
        "s3" => {
            let s3 = Arc::new(s3_builder(&name, &query).build().map_err(failed)?);
            (s3.clone(), Some(s3))
        }
        "gs" => {
            let gcs = GoogleCloudStorageBuilder::from_env()
                .with_bucket_name(&name)
                .build()
                .map_err(failed)?;
            (Arc::new(gcs), None)
        }
        "azblob" => {
            let mut builder = MicrosoftAzureBuilder::from_env().with_container_name(&name);
            // The Go CDK's names for the account and its key.
            if let Ok(account) = std::env::var("AZURE_STORAGE_ACCOUNT") {
                builder = builder.with_account(account);
            }
            if let Ok(key) = std::env::var("AZURE_STORAGE_KEY") {
                builder = builder.with_access_key(key);
            }
            (Arc::new(builder.build().map_err(failed)?), None)
        }
        other => {
            return Err(bad(format!(
                "URL scheme {other:?} is not one labsite deploys to: use s3://, gs:// or azblob://"
            )));
        }
    };
    Ok(Bucket { store, prefix, s3 })
}

/// An S3 client for `bucket`: region and endpoint from the URL (else the
/// environment, else the profile), keys from the environment, else from the
/// shared credentials file's profile, else the instance's role.
fn s3_builder(bucket: &str, query: &HashMap<String, String>) -> AmazonS3Builder {
    let mut builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
    let profile = Profile::load(query.get("profile").cloned());
    let region = query
        .get("region")
        .cloned()
        .or_else(|| std::env::var("AWS_REGION").ok())
        .or_else(|| std::env::var("AWS_DEFAULT_REGION").ok())
        .or_else(|| profile.config.get("region").cloned())
        .unwrap_or_else(|| "us-east-1".to_string());
    builder = builder.with_region(region);
    let plain_http = ["disable_https", "disableSSL"]
        .iter()
        .any(|k| query.get(*k).is_some_and(|v| v == "true"));
    if let Some(endpoint) = query.get("endpoint") {
        let endpoint = if endpoint.contains("://") {
            endpoint.clone()
        } else if plain_http {
            format!("http://{endpoint}")
        } else {
            format!("https://{endpoint}")
        };
        builder = builder
            .with_allow_http(endpoint.starts_with("http://"))
            .with_endpoint(endpoint);
    }
    if std::env::var_os("AWS_ACCESS_KEY_ID").is_none()
        && let (Some(id), Some(secret)) = (
            profile.credentials.get("aws_access_key_id"),
            profile.credentials.get("aws_secret_access_key"),
        )
    {
        builder = builder
            .with_access_key_id(id)
            .with_secret_access_key(secret);
        if let Some(token) = profile.credentials.get("aws_session_token") {
            builder = builder.with_token(token);
        }
    }
    builder
}

/// One profile of the AWS shared files (`~/.aws/credentials`, `~/.aws/config`).
#[derive(Debug, Default)]
struct Profile {
    credentials: HashMap<String, String>,
    config: HashMap<String, String>,
}

impl Profile {
    /// The profile `name` (else `AWS_PROFILE`, else `default`) from the files
    /// `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE` point at, by
    /// default under `~/.aws/`.
    fn load(name: Option<String>) -> Profile {
        let name = name
            .or_else(|| std::env::var("AWS_PROFILE").ok())
            .unwrap_or_else(|| "default".to_string());
        let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
        let file = |variable: &str, default: &str| {
            std::env::var_os(variable)
                .map(std::path::PathBuf::from)
                .or_else(|| home.as_ref().map(|h| h.join(".aws").join(default)))
        };
        let section = |path: Option<std::path::PathBuf>, section: &str| {
            path.and_then(|p| ini::Ini::load_from_file(p).ok())
                .and_then(|ini| {
                    ini.section(Some(section)).map(|s| {
                        s.iter()
                            .map(|(k, v)| (k.to_lowercase(), v.to_string()))
                            .collect()
                    })
                })
                .unwrap_or_default()
        };
        let config_section = if name == "default" {
            name.clone()
        } else {
            format!("profile {name}")
        };
        Profile {
            credentials: section(file("AWS_SHARED_CREDENTIALS_FILE", "credentials"), &name),
            config: section(file("AWS_CONFIG_FILE", "config"), &config_section),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_live_under_the_prefix() {
        let bucket = open("s3://b?region=eu-west-1&prefix=site", "t").unwrap();
        assert_eq!(bucket.location("a/é b%.html"), "site/a/é b%.html");
        assert_eq!(bucket.listing_prefix().unwrap().as_ref(), "site");
        assert_eq!(bucket.key("site/a/index.html"), Some("a/index.html"));
        assert_eq!(bucket.key("other/x"), None);
    }

    #[test]
    fn an_unknown_scheme_is_refused() {
        let err = open("ftp://b", "hugo.toml").err().unwrap();
        assert_eq!(
            err.to_string(),
            "hugo.toml: URL scheme \"ftp\" is not one labsite deploys to: use s3://, gs:// or azblob://"
        );
    }
}
