//! CloudFront invalidation of what a deploy changed: one `CreateInvalidation`
//! request for the distribution, signed with the bucket's AWS credentials.
//! The endpoint is CloudFront's, or `AWS_ENDPOINT_URL_CLOUDFRONT` (then
//! `AWS_ENDPOINT_URL`) as the AWS tools read them.

use crate::error::{Error, Result};
use object_store::aws::{AwsAuthorizer, AwsCredential};
use object_store::client::HttpRequestBody;

/// More changed paths than this are invalidated as `/*` (one path, one charge).
const MOST_PATHS: usize = 100;

/// The paths to invalidate for the changed `keys`: each as `/key`, and a
/// folder's `index.html` also as the folder; all (`/*`) when there are many.
pub fn paths(keys: &[&str]) -> Vec<String> {
    let mut paths = Vec::new();
    for key in keys {
        paths.push(format!("/{}", encode(key)));
        if let Some(folder) = key.strip_suffix("index.html")
            && (folder.is_empty() || folder.ends_with('/'))
        {
            paths.push(format!("/{}", encode(folder)));
        }
    }
    if paths.len() > MOST_PATHS {
        return vec!["/*".to_string()];
    }
    paths
}

fn encode(key: &str) -> String {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(key, KEEP).to_string()
}

/// The body of a `CreateInvalidation` request.
fn invalidation_batch(paths: &[String], caller_reference: &str) -> String {
    let items: String = paths
        .iter()
        .map(|p| format!("<Path>{}</Path>", html_escape::encode_text(p)))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InvalidationBatch xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Paths><Quantity>{}</Quantity><Items>{items}</Items></Paths><CallerReference>{caller_reference}</CallerReference></InvalidationBatch>",
        paths.len()
    )
}

/// Asks CloudFront to invalidate `paths` of `distribution`; returns the
/// invalidation's id.
pub fn invalidate(
    distribution: &str,
    paths: &[String],
    credential: &AwsCredential,
) -> Result<String> {
    let failed = |message: String| {
        Error::file(
            format!("CloudFront distribution {distribution}"),
            format!("invalidation failed: {message}"),
        )
    };
    let endpoint = std::env::var("AWS_ENDPOINT_URL_CLOUDFRONT")
        .or_else(|_| std::env::var("AWS_ENDPOINT_URL"))
        .unwrap_or_else(|_| "https://cloudfront.amazonaws.com".to_string());
    let url = format!(
        "{}/2020-05-31/distribution/{}/invalidation",
        endpoint.trim_end_matches('/'),
        encode(distribution)
    );
    let reference = format!(
        "labsite-{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    );
    let body = invalidation_batch(paths, &reference);
    let mut request = http::Request::post(&url)
        .header("content-type", "application/xml")
        .body(HttpRequestBody::from(body.clone().into_bytes()))
        .map_err(|e| failed(e.to_string()))?;
    AwsAuthorizer::new(credential, "cloudfront", "us-east-1")
        .try_authorize(&mut request, None)
        .map_err(|e| failed(e.to_string()))?;
    let mut signed = http::Request::post(&url);
    for (name, value) in request.headers() {
        signed = signed.header(name, value);
    }
    let signed = signed.body(body).map_err(|e| failed(e.to_string()))?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.run(signed).map_err(|e| failed(e.to_string()))?;
    let status = response.status();
    let text = response
        .body_mut()
        .read_to_string()
        .map_err(|e| failed(e.to_string()))?;
    if !status.is_success() {
        return Err(failed(format!("CloudFront answered {status}: {text}")));
    }
    let id = text
        .split_once("<Id>")
        .and_then(|(_, rest)| rest.split_once("</Id>"))
        .map_or_else(String::new, |(id, _)| id.to_string());
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_keys_become_paths_with_their_folders() {
        assert_eq!(
            paths(&["index.html", "a b/index.html", "css/x.css"]),
            [
                "/index.html",
                "/",
                "/a%20b/index.html",
                "/a%20b/",
                "/css/x.css"
            ]
        );
        let many: Vec<String> = (0..101).map(|i| format!("p{i}.html")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(paths(&many), ["/*"]);
    }

    #[test]
    fn the_batch_lists_every_path() {
        assert_eq!(
            invalidation_batch(&["/a".into(), "/b&c".into()], "r1"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InvalidationBatch xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Paths><Quantity>2</Quantity><Items><Path>/a</Path><Path>/b&amp;c</Path></Items></Paths><CallerReference>r1</CallerReference></InvalidationBatch>"
        );
    }
}
