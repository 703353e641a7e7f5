//! `labsite deploy` against a real S3-compatible server (moto, started by each
//! test on 127.0.0.1; `.ci/run` installs it): what goes up, what is deleted,
//! the objects' headers read back over HTTP, dry runs, the delete limit,
//! failures, JSON reports, profile credentials and CloudFront invalidation.

mod common;
use common::*;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A moto server, stopped when dropped.
struct Emulator {
    child: Child,
    port: u16,
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A request as moto accepts it: any signature, the service in its scope.
fn auth(service: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0"
    )
}

impl Emulator {
    fn start() -> Emulator {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("python3")
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs the S3 emulator: python3 -m pip install 'moto[server]'");
        let mut emulator = Emulator { child, port };
        let start = Instant::now();
        loop {
            if let Ok(r) = ureq::get(&emulator.url("/moto-api/")).call()
                && r.status() == 200
            {
                break;
            }
            if let Ok(Some(status)) = emulator.child.try_wait() {
                panic!("the S3 emulator stopped ({status}): python3 -m pip install 'moto[server]'");
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "the S3 emulator did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        emulator
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn create_bucket(&self, name: &str) {
        ureq::put(&self.url(&format!("/{name}")))
            .header("Authorization", auth("s3"))
            .send_empty()
            .unwrap();
    }

    /// The bucket's keys, sorted.
    fn keys(&self, bucket: &str) -> Vec<String> {
        let xml = ureq::get(&self.url(&format!("/{bucket}?list-type=2")))
            .header("Authorization", auth("s3"))
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap();
        let mut keys: Vec<String> = xml
            .split("<Key>")
            .skip(1)
            .filter_map(|s| s.split_once("</Key>").map(|(k, _)| k.to_string()))
            .collect();
        keys.sort();
        keys
    }

    /// The bytes of the object at `path` (`/bucket/key`, URL-encoded).
    fn object(&self, path: &str) -> Vec<u8> {
        ureq::get(&self.url(path))
            .header("Authorization", auth("s3"))
            .call()
            .unwrap()
            .body_mut()
            .read_to_vec()
            .unwrap()
    }

    /// The headers of an object, as `name: value` lines for `names`.
    fn headers(&self, bucket: &str, key: &str, names: &[&str]) -> Vec<String> {
        let response = ureq::head(&self.url(&format!("/{bucket}/{key}")))
            .header("Authorization", auth("s3"))
            .call()
            .unwrap();
        names
            .iter()
            .map(|n| {
                let value = response
                    .headers()
                    .get(*n)
                    .map_or("(none)", |v| v.to_str().unwrap());
                format!("{n}: {value}")
            })
            .collect()
    }
}

/// A small site deploying to `bucket` on `emulator`, with `extra` appended to
/// its config, built into `public/`.
fn built_site(emulator: &Emulator, bucket: &str, extra: &str) -> tempfile::TempDir {
    let config = format!(
        "baseURL = 'https://example.org/'\ntitle = 'Deploy'\n[deployment]\n[[deployment.targets]]\nname = 'production'\nURL = 's3://{bucket}?region=eu-west-1&endpoint=http://127.0.0.1:{}'\n{extra}",
        emulator.port
    );
    let dir = site_from(&[
        ("hugo.toml", &config),
        ("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"),
        ("content/intro.md", "---\ntitle: Intro\n---\nStart here.\n"),
        ("content/lab.md", "---\ntitle: Lab\n---\nDo this.\n"),
    ]);
    build_ok(dir.path(), &[]);
    emulator.create_bucket(bucket);
    dir
}

/// The files of the built site (labsite's manifest of them aside).
fn published(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    files_under(&dir.join("public"), "", &mut files);
    files.retain(|f| f != ".labsite-manifest");
    files
}

/// Runs `labsite deploy ARGS` in `dir` with test credentials and a home of
/// its own (no profile files but those a test writes).
fn deploy(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_labsite"));
    command
        .arg("deploy")
        .args(args)
        .current_dir(dir)
        .env("HOME", dir.join("home"))
        .env("AWS_ACCESS_KEY_ID", "AKIDTEST")
        .env("AWS_SECRET_ACCESS_KEY", "test-secret-never-printed")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION")
        .env_remove("AWS_ENDPOINT")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("AWS_SESSION_TOKEN");
    for (name, value) in env {
        if value.is_empty() {
            command.env_remove(name);
        } else {
            command.env(name, value);
        }
    }
    let out = command.output().unwrap();
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stdout.contains("test-secret") && !run.stderr.contains("test-secret"),
        "a credential was printed:\n{}\n{}",
        run.stdout,
        run.stderr
    );
    run
}

/// The last line of stdout: the deploy's summary.
fn summary(run: &Run) -> &str {
    run.stdout.lines().last().unwrap_or_default()
}

/// The whole cycle: everything goes up, then nothing, then the one page
/// edited, then the page removed is removed from the bucket.
#[test]
fn deploys_upload_only_what_changed_and_delete_what_is_gone() {
    let emulator = Emulator::start();
    let dir = built_site(&emulator, "cycle", "");
    let published = published(dir.path());

    let first = deploy(dir.path(), &[], &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(emulator.keys("cycle"), published);
    let bytes: u64 = published
        .iter()
        .map(|f| {
            std::fs::metadata(dir.path().join("public").join(f))
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!(
        summary(&first),
        format!(
            "Uploaded {} file(s) ({bytes} bytes), deleted 0, unchanged 0.",
            published.len()
        )
    );

    let second = deploy(dir.path(), &[], &[]);
    assert_eq!(
        summary(&second),
        format!(
            "Uploaded 0 file(s) (0 bytes), deleted 0, unchanged {}.",
            published.len()
        )
    );

    let lab = dir.path().join("public/lab/index.html");
    let edited = std::fs::read_to_string(&lab)
        .unwrap()
        .replace("Do this.", "Do that.");
    std::fs::write(&lab, &edited).unwrap();
    let third = deploy(dir.path(), &["--report", "json"], &[]);
    let report: serde_json::Value = serde_json::from_str(&third.stdout).unwrap();
    assert_eq!(
        report["uploaded"],
        serde_json::json!([{"path": "lab/index.html", "bytes": edited.len(), "reason": "MD5 differs"}])
    );
    assert_eq!(report["deleted"], serde_json::json!([]));
    assert_eq!(report["unchanged"], published.len() - 1);
    assert_eq!(report["success"], true);

    std::fs::remove_dir_all(dir.path().join("public/intro")).unwrap();
    let fourth = deploy(dir.path(), &[], &[]);
    assert_eq!(
        summary(&fourth),
        format!(
            "Uploaded 0 file(s) (0 bytes), deleted 1, unchanged {}.",
            published.len() - 1
        )
    );
    assert!(
        !emulator
            .keys("cycle")
            .contains(&"intro/index.html".to_string())
    );
    assert_eq!(emulator.keys("cycle").len(), published.len() - 1);
}

/// `--dryRun` lists what would change and changes nothing.
#[test]
fn a_dry_run_changes_nothing() {
    let emulator = Emulator::start();
    let dir = built_site(&emulator, "dry", "");
    let run = deploy(dir.path(), &["--dryRun"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(emulator.keys("dry").is_empty());
    assert_contains(
        &run.stdout,
        "Would upload: lab/index.html (not found remotely)\n",
    );
    assert_contains(&run.stdout, "Dry run, nothing changed: ");
}

/// More deletes than `--maxDeletes` stop the deploy before any change.
#[test]
fn max_deletes_stops_a_mass_delete() {
    let emulator = Emulator::start();
    let dir = built_site(&emulator, "mass", "");
    assert_eq!(deploy(dir.path(), &[], &[]).code, 0);
    let before = emulator.keys("mass");
    std::fs::remove_dir_all(dir.path().join("public/intro")).unwrap();
    std::fs::remove_dir_all(dir.path().join("public/lab")).unwrap();
    std::fs::write(dir.path().join("public/new.txt"), "new").unwrap();
    let run = deploy(dir.path(), &["--maxDeletes", "1"], &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        format!(
            "error: deployment target \"production\" (s3://mass?region=eu-west-1&endpoint=http://127.0.0.1:{}): 2 files would be deleted, more than --maxDeletes (1); nothing was changed. If this is expected, run again with --maxDeletes 2 (or -1 for no limit)\n",
            emulator.port
        )
    );
    assert_eq!(emulator.keys("mass"), before);
    let allowed = deploy(dir.path(), &["--maxDeletes", "-1"], &[]);
    assert_eq!(allowed.code, 0, "{}", allowed.stderr);
    assert!(emulator.keys("mass").contains(&"new.txt".to_string()));
    assert_eq!(emulator.keys("mass").len(), before.len() - 1);
}

/// Matchers set Cache-Control, gzip (Content-Encoding) and Content-Type; other
/// files get their type from the extension.
#[test]
fn matchers_headers_are_on_the_objects() {
    let emulator = Emulator::start();
    let matchers = "[[deployment.matchers]]\npattern = '^.+\\.(css|js)$'\ncacheControl = 'max-age=630720000, no-transform, public'\ngzip = true\n[[deployment.matchers]]\npattern = '^.+\\.xml$'\ncontentType = 'application/rss+xml'\n[[deployment.matchers]]\npattern = '^.+\\.html$'\ncacheControl = 'max-age=300'\n";
    let dir = built_site(&emulator, "headers", matchers);
    std::fs::write(
        dir.path().join("public/site.css"),
        "body { color: red; }\n".repeat(50),
    )
    .unwrap();
    let run = deploy(dir.path(), &[], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names = ["content-type", "cache-control", "content-encoding"];
    assert_eq!(
        emulator.headers("headers", "site.css", &names),
        [
            "content-type: text/css; charset=utf-8",
            "cache-control: max-age=630720000, no-transform, public",
            "content-encoding: gzip"
        ]
    );
    assert_eq!(
        emulator.headers("headers", "index.xml", &names),
        [
            "content-type: application/rss+xml",
            "cache-control: (none)",
            "content-encoding: (none)"
        ]
    );
    assert_eq!(
        emulator.headers("headers", "lab/index.html", &names),
        [
            "content-type: text/html; charset=utf-8",
            "cache-control: max-age=300",
            "content-encoding: (none)"
        ]
    );
    // The object is the gzipped file, and a second deploy finds it unchanged.
    let stored = emulator.object("/headers/site.css");
    assert_eq!(&stored[..2], &[0x1f, 0x8b]);
    assert!(stored.len() < 1050);
    assert_eq!(
        summary(&deploy(dir.path(), &[], &[])).split(", ").next(),
        Some("Uploaded 0 file(s) (0 bytes)")
    );
}

/// Uploads the server refuses (a bucket whose default object lock wants a
/// checksum header labsite does not send) fail the deploy with exit 1, each
/// naming its object; nothing is deleted.
#[test]
fn a_failed_upload_exits_1_naming_the_object() {
    let emulator = Emulator::start();
    let dir = built_site(&emulator, "unused", "");
    let config = dir.path().join("hugo.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("s3://unused", "s3://locked")).unwrap();
    ureq::put(&emulator.url("/locked"))
        .header("Authorization", auth("s3"))
        .header("x-amz-bucket-object-lock-enabled", "true")
        .send_empty()
        .unwrap();
    ureq::put(&emulator.url("/locked?object-lock"))
        .header("Authorization", auth("s3"))
        .send("<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>GOVERNANCE</Mode><Days>1</Days></DefaultRetention></Rule></ObjectLockConfiguration>")
        .unwrap();
    let run = deploy(dir.path(), &["--workers", "1"], &[]);
    assert_eq!(run.code, 1);
    let published = published(dir.path());
    let why = ": upload failed: the bucket answered MissingUploadObjectWithObjectLockHeaders: Content-MD5 or x-amz-sdk-checksum-algorithm header required to upload an object with a retention period configured using Object Lock";
    let mut failed: Vec<String> = run
        .stderr
        .lines()
        .filter_map(|line| line.strip_prefix("error: "))
        .map(|line| line.strip_suffix(why).unwrap_or(line).to_string())
        .collect();
    failed.sort();
    assert_eq!(failed, published, "{}", run.stderr);
    assert!(emulator.keys("locked").is_empty());
}

/// Without keys in the environment, the profile of the shared credentials
/// file signs the requests.
#[test]
fn credentials_come_from_the_profile_file() {
    let emulator = Emulator::start();
    let dir = built_site(&emulator, "profile", "");
    let credentials = dir.path().join("home/.aws/credentials");
    std::fs::create_dir_all(credentials.parent().unwrap()).unwrap();
    std::fs::write(
        &credentials,
        "[default]\naws_access_key_id = NOPE\n\n[lab]\naws_access_key_id = AKIDLAB\naws_secret_access_key = test-secret-of-profile\n",
    )
    .unwrap();
    let env = [
        ("AWS_ACCESS_KEY_ID", ""),
        ("AWS_SECRET_ACCESS_KEY", ""),
        ("AWS_PROFILE", "lab"),
    ];
    let run = deploy(dir.path(), &[], &env);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!emulator.keys("profile").is_empty());
}

/// With `cloudFrontDistributionID`, the changed paths are invalidated (the
/// emulator stands in for CloudFront too); `--invalidateCDN=false` skips it.
#[test]
fn changed_paths_are_invalidated_on_cloudfront() {
    let emulator = Emulator::start();
    let distribution_config = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DistributionConfig xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><CallerReference>t</CallerReference><Origins><Quantity>1</Quantity><Items><Origin><Id>o</Id><DomainName>cdn.s3.amazonaws.com</DomainName><S3OriginConfig><OriginAccessIdentity></OriginAccessIdentity></S3OriginConfig></Origin></Items></Origins><DefaultCacheBehavior><TargetOriginId>o</TargetOriginId><ViewerProtocolPolicy>allow-all</ViewerProtocolPolicy></DefaultCacheBehavior><Comment>t</Comment><Enabled>true</Enabled></DistributionConfig>";
    let created = ureq::post(&emulator.url("/2020-05-31/distribution"))
        .header("Authorization", auth("cloudfront"))
        .header("Content-Type", "application/xml")
        .send(distribution_config)
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    let id = created
        .split_once("<Id>")
        .unwrap()
        .1
        .split_once("</Id>")
        .unwrap()
        .0
        .to_string();
    let dir = built_site(&emulator, "cdn", "");
    let config = dir.path().join("hugo.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace(
            "name = 'production'",
            &format!("name = 'production'\ncloudFrontDistributionID = '{id}'"),
        ),
    )
    .unwrap();
    let env = [("AWS_ENDPOINT_URL_CLOUDFRONT", emulator.url(""))];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(deploy(dir.path(), &["--invalidateCDN=false"], &env).code, 0);
    let list = |emulator: &Emulator| {
        ureq::get(&emulator.url(&format!("/2020-05-31/distribution/{id}/invalidation")))
            .header("Authorization", auth("cloudfront"))
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap()
    };
    assert_contains(&list(&emulator), "<Quantity>0</Quantity>");

    let lab = dir.path().join("public/lab/index.html");
    let edited = std::fs::read_to_string(&lab)
        .unwrap()
        .replace("Do this.", "Do that.");
    std::fs::write(&lab, edited).unwrap();
    let run = deploy(dir.path(), &["--report", "json"], &env);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        report["invalidated"],
        serde_json::json!(["/lab/index.html", "/lab/"])
    );
    let invalidation = list(&emulator);
    let invalidation_id = invalidation
        .split_once("<Id>")
        .unwrap()
        .1
        .split_once("</Id>")
        .unwrap()
        .0;
    let detail = ureq::get(&emulator.url(&format!(
        "/2020-05-31/distribution/{id}/invalidation/{invalidation_id}"
    )))
    .header("Authorization", auth("cloudfront"))
    .call()
    .unwrap()
    .body_mut()
    .read_to_string()
    .unwrap();
    assert_contains(&detail, "<Path>/lab/index.html</Path><Path>/lab/</Path>");
}

/// A config without targets, or a target name it lacks, is a clear error.
#[test]
fn a_missing_target_is_a_clear_error() {
    let dir = site_from(&[("hugo.toml", "title = 'x'\n"), ("public/index.html", "x")]);
    let run = deploy(dir.path(), &[], &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: hugo.toml: no deployment target: add a [[deployment.targets]] table with name and URL\n"
    );
    let dir = site_from(&[
        (
            "hugo.toml",
            "[[deployment.targets]]\nname = 'staging'\nURL = 's3://b'\n",
        ),
        ("public/index.html", "x"),
    ]);
    let run = deploy(dir.path(), &["--target", "production"], &[]);
    assert_eq!(
        run.stderr,
        "error: hugo.toml: no deployment target named \"production\"; the config has staging\n"
    );
    // Nothing built yet: deploy says so and does not build.
    std::fs::remove_dir_all(dir.path().join("public")).unwrap();
    let run = deploy(dir.path(), &[], &[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: public: nothing to deploy: this folder does not exist; run `labsite build` first\n"
    );
}

/// The README's first hour, command by command as written there: a new site,
/// previewed, a page added, built strictly, deployed dry then for real (to
/// the emulator standing in for the skeleton's bucket), then once more with
/// nothing to upload.
#[test]
fn the_first_hour_of_the_readme_runs_as_written() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let block = readme
        .split("## Your first workshop\n\n```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let emulator = Emulator::start();
    emulator.create_bucket("my-workshop-bucket");
    let parent = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(parent.path().join("home")).unwrap();
    let endpoint = emulator.url("");
    let env = [
        ("AWS_ENDPOINT", endpoint.as_str()),
        ("AWS_ALLOW_HTTP", "true"),
    ];
    let mut ran = Vec::new();
    for line in block.lines() {
        let command = line.split(" #").next().unwrap().trim();
        let words: Vec<&str> = command.split_whitespace().collect();
        assert_eq!(words[0], "labsite", "{line}");
        ran.push(words[1]);
        if words[1] == "serve" {
            let site = parent.path().join(words[3]);
            let server = start_server(&site, &[]);
            let page = server.page("/getting-started/first-step/");
            assert_contains(&page, "<span>Show the expected output</span>");
            continue;
        }
        let run = if words[1] == "deploy" {
            deploy(parent.path(), &words[2..], &env)
        } else {
            labsite(parent.path(), &words[1..])
        };
        assert_eq!(run.code, 0, "{command}: {}", run.stderr);
        if command.ends_with("--dryRun") {
            assert!(emulator.keys("my-workshop-bucket").is_empty());
        }
    }
    assert_eq!(ran, ["new", "serve", "new", "build", "deploy", "deploy"]);
    let site = parent.path().join("my-workshop");
    assert_eq!(emulator.keys("my-workshop-bucket"), published(&site));
    assert!(published(&site).contains(&"getting-started/create-a-key/index.html".to_string()));
    let again = deploy(parent.path(), &["-s", "my-workshop"], &env);
    assert_eq!(
        summary(&again),
        format!(
            "Uploaded 0 file(s) (0 bytes), deleted 0, unchanged {}.",
            published(&site).len()
        )
    );
}

/// `--confirm` asks before changing anything: "n" aborts with exit 1 and the
/// bucket untouched, "y" goes on.
#[test]
fn confirm_asks_before_any_change() {
    let emulator = Emulator::start();
    let dir = built_site(&emulator, "asked", "");
    let answer = |text: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_labsite"))
            .args(["deploy", "--confirm"])
            .current_dir(dir.path())
            .env("HOME", dir.path().join("home"))
            .env("AWS_ACCESS_KEY_ID", "AKIDTEST")
            .env("AWS_SECRET_ACCESS_KEY", "test-secret-never-printed")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), text.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let refused = answer("n\n");
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_contains(&stderr, " file(s) to delete.\nContinue? (Y/n) error: ");
    assert_contains(&stderr, "deploy aborted: nothing was changed\n");
    assert!(emulator.keys("asked").is_empty());
    let accepted = answer("y\n");
    assert_eq!(accepted.status.code(), Some(0));
    assert_eq!(emulator.keys("asked"), published(dir.path()));
}

/// A file whose name has spaces, `%`, `+` or letters beyond ASCII is stored
/// under that very name (so a browser finds it at its address), and a second
/// deploy finds it unchanged.
#[test]
fn object_names_are_the_file_names_as_they_are() {
    let emulator = Emulator::start();
    let dir = built_site(&emulator, "names", "");
    std::fs::create_dir_all(dir.path().join("public/odd names")).unwrap();
    std::fs::write(dir.path().join("public/odd names/a b+c%d é.txt"), "odd").unwrap();
    assert_eq!(deploy(dir.path(), &[], &[]).code, 0);
    assert!(
        emulator
            .keys("names")
            .contains(&"odd names/a b+c%d é.txt".to_string())
    );
    assert_eq!(
        emulator.object("/names/odd%20names/a%20b%2Bc%25d%20%C3%A9.txt"),
        b"odd"
    );
    let again = deploy(dir.path(), &[], &[]);
    assert!(
        summary(&again).starts_with("Uploaded 0 file(s) (0 bytes), deleted 0"),
        "{}",
        again.stdout
    );
}
