//! Hugo's hash and encoding functions: `md5`, `sha1`, `sha256`, `hmac`,
//! `hash.FNV32a`, `hash.XxHash`, Base64 and hexadecimal text.

use super::value::Value;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::Mac;
use sha2::Digest;

/// Bytes as lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest of `bytes` by `algorithm` (`md5`, `sha1`, `sha256`, `sha384`,
/// `sha512`); `None` for another name.
pub fn digest(algorithm: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    Some(match algorithm {
        "md5" => md5::Md5::digest(bytes).to_vec(),
        "sha1" => sha1::Sha1::digest(bytes).to_vec(),
        "sha256" => sha2::Sha256::digest(bytes).to_vec(),
        "sha384" => sha2::Sha384::digest(bytes).to_vec(),
        "sha512" => sha2::Sha512::digest(bytes).to_vec(),
        _ => return None,
    })
}

/// FNV-1a, 32 bits: Go's `hash/fnv` `New32a`, which `hash.FNV32a` uses.
fn fnv32a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// `hmac HASH KEY MESSAGE [ENCODING]`: the MAC as hex, or with `binary` as its
/// bytes (as text, which keeps only those that are UTF-8).
fn hmac_of<'a>(hash: &str, key: &[u8], message: &[u8], binary: bool) -> Result<Value<'a>, String> {
    fn mac<M: Mac + hmac::digest::KeyInit>(key: &[u8], message: &[u8]) -> Result<Vec<u8>, String> {
        let mut m = <M as Mac>::new_from_slice(key).map_err(|e| format!("hmac: {e}"))?;
        m.update(message);
        Ok(m.finalize().into_bytes().to_vec())
    }
    let bytes = match hash {
        "md5" => mac::<hmac::Hmac<md5::Md5>>(key, message)?,
        "sha1" => mac::<hmac::Hmac<sha1::Sha1>>(key, message)?,
        "sha256" => mac::<hmac::Hmac<sha2::Sha256>>(key, message)?,
        "sha512" => mac::<hmac::Hmac<sha2::Sha512>>(key, message)?,
        other => {
            return Err(format!(
                "hmac: hash {other:?} not supported: use md5, sha1, sha256 or sha512"
            ));
        }
    };
    Ok(Value::str(if binary {
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        hex(&bytes)
    }))
}

/// The hash and encoding functions. `None` when `name` is not one of them.
pub fn call<'a>(name: &str, args: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
    let text = |i: usize| args.get(i).map(Value::to_text).unwrap_or_default();
    let input = text(0);
    Some(Ok(match name {
        "md5" | "sha1" | "sha256" => Value::str(hex(&digest(name, input.as_bytes())?)),
        "hmac" => {
            return Some(hmac_of(
                &input,
                text(1).as_bytes(),
                text(2).as_bytes(),
                text(3) == "binary",
            ));
        }
        // `crypto.Hash [ALGORITHM] TEXT`: SHA-256 unless named.
        "crypto.Hash" => {
            let (algorithm, body) = if args.len() > 1 {
                (input.clone(), text(1))
            } else {
                ("sha256".into(), input)
            };
            return Some(
                digest(&algorithm, body.as_bytes())
                    .map(|d| Value::str(hex(&d)))
                    .ok_or_else(|| {
                        format!(
                            "crypto.Hash: {algorithm:?} is not md5, sha1, sha256, sha384 or sha512"
                        )
                    }),
            );
        }
        "hash.FNV32a" => Value::Int(i64::from(fnv32a(input.as_bytes()))),
        "xxhash" => Value::str(format!(
            "{:016x}",
            xxhash_rust::xxh64::xxh64(input.as_bytes(), 0)
        )),
        "base64Encode" => Value::str(BASE64.encode(input.as_bytes())),
        "base64Decode" => {
            return Some(
                BASE64
                    .decode(input.trim())
                    .map(|b| Value::str(String::from_utf8_lossy(&b)))
                    .map_err(|e| format!("base64Decode: {e}")),
            );
        }
        "encoding.HexEncode" => Value::str(hex(input.as_bytes())),
        "encoding.HexDecode" => {
            let digits = input.trim();
            let bytes: Option<Vec<u8>> = (0..digits.len())
                .step_by(2)
                .map(|i| {
                    digits
                        .get(i..i + 2)
                        .and_then(|d| u8::from_str_radix(d, 16).ok())
                })
                .collect();
            return Some(
                bytes
                    .filter(|_| digits.len().is_multiple_of(2))
                    .map(|b| Value::str(String::from_utf8_lossy(&b)))
                    .ok_or_else(|| format!("encoding.HexDecode: {digits:?} is not hexadecimal")),
            );
        }
        _ => return None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gotemplate::testing::{shown, texts};

    fn run(name: &str, args: &[&str]) -> String {
        shown(call(name, &texts(args)))
    }

    /// Hugo 0.168's results for the same calls.
    #[test]
    fn hashes_and_encodings_as_hugo_gives_them() {
        assert_eq!(run("md5", &["Hello"]), "8b1a9953c4611296a827abf8c47804d7");
        assert_eq!(
            run("sha1", &["Hello"]),
            "f7ff9e8b7bb2e09b70935a5d785e0cc5d9d0abf0"
        );
        assert_eq!(
            run("sha256", &["Hello"]),
            "185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969"
        );
        assert_eq!(
            run("hmac", &["sha256", "key", "Hello"]),
            "c70b9f4d665bd62974afc83582de810e72a41a58db82c538a9d734c9266d321e"
        );
        assert_eq!(run("hash.FNV32a", &["Hello"]), "4116459851");
        assert_eq!(run("xxhash", &["Hello"]), "0a75a91375b27d44");
        assert_eq!(run("base64Encode", &["Hello & <b>"]), "SGVsbG8gJiA8Yj4=");
        assert_eq!(run("base64Decode", &["SGVsbG8="]), "Hello");
        assert_eq!(run("encoding.HexEncode", &["Hi"]), "4869");
        assert_eq!(run("encoding.HexDecode", &["4869"]), "Hi");
    }
}
