//! Hugo's collection functions: `where`, `sort`, `uniq`, `append`, `union`,
//! `intersect`, `complement`, `symdiff`, `merge`, `querify`, `keyVals`,
//! `shuffle`, `collections.D`; sorts are stable and random orders depend only
//! on their input, so output stays deterministic.

use super::value::Value;
use std::cmp::Ordering;
use std::collections::BTreeMap;

fn items<'a>(v: &Value<'a>) -> Result<Vec<Value<'a>>, String> {
    match v {
        Value::List(l) => Ok(l.to_vec()),
        Value::Map(m) => Ok(m.values().cloned().collect()),
        Value::Nil => Ok(Vec::new()),
        other => Err(format!("can't iterate over {}", other.type_name())),
    }
}

/// The value at a dotted key path (`.Params.level`, `Title`) of `item`.
fn at_path<'a>(item: &Value<'a>, path: &str) -> Value<'a> {
    path.trim_start_matches('.')
        .split('.')
        .filter(|p| !p.is_empty())
        .try_fold(item.clone(), |v, f| v.field(f).ok())
        .unwrap_or(Value::Nil)
}

fn matches<'a>(left: &Value<'a>, op: &str, right: &Value<'a>) -> Result<bool, String> {
    let contains = |list: &Value<'a>, v: &Value<'a>| match list {
        Value::List(l) => l.iter().any(|x| x.equals(v)),
        Value::String(s) | Value::Trusted(_, s) => s.contains(&v.to_text()),
        _ => false,
    };
    let order = || left.compare(right).ok();
    Ok(match op {
        "=" | "==" | "eq" => left.equals(right),
        "!=" | "<>" | "ne" => !left.equals(right),
        ">=" | "ge" => order().is_some_and(|o| o != Ordering::Less),
        ">" | "gt" => order() == Some(Ordering::Greater),
        "<=" | "le" => order().is_some_and(|o| o != Ordering::Greater),
        "<" | "lt" => order() == Some(Ordering::Less),
        "in" => contains(right, left),
        "not in" => !contains(right, left),
        "intersect" => match left {
            Value::List(l) => l.iter().any(|x| contains(right, x)),
            _ => false,
        },
        "like" => super::regexp::compiled(&right.to_text())
            .map_err(|e| format!("where: invalid regular expression: {e}"))?
            .is_match(&left.to_text()),
        other => return Err(format!("where: {other:?} is not a valid operator")),
    })
}

/// The collection functions. `None` when `name` is not one of them.
pub fn call<'a>(name: &str, args: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Nil);
    Some(match name {
        "where" | "collections.Where" => (|| {
            let (key, op, wanted) = match args.len() {
                3 => (arg(1).to_text(), "=".to_string(), arg(2)),
                n if n >= 4 => (arg(1).to_text(), arg(2).to_text(), arg(3)),
                _ => return Err("where: wrong number of arguments".to_string()),
            };
            let mut kept = Vec::new();
            for item in items(&arg(0))? {
                if matches(&at_path(&item, &key), &op, &wanted)? {
                    kept.push(item);
                }
            }
            Ok(Value::list(kept))
        })(),
        "sort" | "collections.Sort" => (|| {
            let (key, descending) = match args.len() {
                1 => (String::new(), false),
                2 => (arg(1).to_text(), false),
                _ => (
                    arg(1).to_text(),
                    arg(2).to_text().eq_ignore_ascii_case("desc"),
                ),
            };
            let mut list: Vec<(Value<'a>, Value<'a>)> = match &arg(0) {
                Value::Map(m) => m
                    .iter()
                    .map(|(k, v)| {
                        // A map sorts by its keys unless a field is named.
                        let sort_key = match key.as_str() {
                            "" => Value::str(k),
                            "value" => v.clone(),
                            path => at_path(v, path),
                        };
                        (sort_key, v.clone())
                    })
                    .collect(),
                other => items(other)?
                    .into_iter()
                    .map(|v| {
                        let k = if key.is_empty() || key == "value" {
                            v.clone()
                        } else {
                            at_path(&v, &key)
                        };
                        (k, v)
                    })
                    .collect(),
            };
            list.sort_by(|a, b| a.0.collate(&b.0));
            if descending {
                list.reverse();
            }
            Ok(Value::list(list.into_iter().map(|(_, v)| v).collect()))
        })(),
        "uniq" | "collections.Uniq" => items(&arg(0)).map(|list| {
            let mut out: Vec<Value<'a>> = Vec::new();
            for v in list {
                if !out.iter().any(|o| o.equals(&v)) {
                    out.push(v);
                }
            }
            Value::list(out)
        }),
        // `append ITEMS… LIST`: the list is the last argument.
        "append" | "collections.Append" => match args.split_last() {
            Some((Value::List(list), added)) => {
                let mut out = list.to_vec();
                for a in added {
                    match a {
                        Value::List(more) if added.len() == 1 => out.extend(more.iter().cloned()),
                        v => out.push(v.clone()),
                    }
                }
                Ok(Value::list(out))
            }
            Some((Value::Nil, added)) => Ok(Value::list(added.to_vec())),
            _ => Err("append: the last argument must be a list".into()),
        },
        "union" | "collections.Union" => (|| {
            let mut out = items(&arg(0))?;
            for v in items(&arg(1))? {
                if !out.iter().any(|o| o.equals(&v)) {
                    out.push(v);
                }
            }
            Ok(Value::list(out))
        })(),
        "intersect" | "collections.Intersect" => (|| {
            let right = items(&arg(1))?;
            Ok(Value::list(
                items(&arg(0))?
                    .into_iter()
                    .filter(|v| right.iter().any(|r| r.equals(v)))
                    .collect(),
            ))
        })(),
        // `complement LIST… COLLECTION`: items of the last not in any other.
        "complement" | "collections.Complement" => match args.split_last() {
            Some((collection, others)) => (|| {
                let mut out = Vec::new();
                for v in items(collection)? {
                    let mut found = false;
                    for o in others {
                        if items(o)?.iter().any(|x| x.equals(&v)) {
                            found = true;
                        }
                    }
                    if !found {
                        out.push(v);
                    }
                }
                Ok(Value::list(out))
            })(),
            None => Err("complement: missing arguments".into()),
        },
        "merge" | "collections.Merge" => {
            let mut out: BTreeMap<String, Value<'a>> = BTreeMap::new();
            // Later maps win, as in Hugo.
            for a in args {
                if let Value::Map(m) = a {
                    for (k, v) in m.iter() {
                        out.insert(k.clone(), v.clone());
                    }
                }
            }
            Ok(Value::map(out))
        }
        "querify" | "collections.Querify" => {
            let pairs: Vec<Value<'a>> = match args {
                [Value::List(l)] => l.to_vec(),
                [Value::Map(m)] => m
                    .iter()
                    .flat_map(|(k, v)| [Value::str(k), v.clone()])
                    .collect(),
                _ => args.to_vec(),
            };
            let enc = |v: &Value<'_>| {
                crate::text::url::encode_path(&v.to_text())
                    .replace('/', "%2F")
                    .replace('&', "%26")
                    .replace('=', "%3D")
            };
            let mut parts: Vec<String> = pairs
                .chunks(2)
                .map(|p| {
                    format!(
                        "{}={}",
                        p.first().map(enc).unwrap_or_default(),
                        p.get(1).map(enc).unwrap_or_default()
                    )
                })
                .collect();
            parts.sort();
            Ok(Value::str(parts.join("&")))
        }
        "collections.Reverse" => items(&arg(0)).map(|mut l| {
            l.reverse();
            Value::list(l)
        }),
        // What is in one list only: the second's first, as Hugo orders them.
        "symdiff" => (|| {
            let (a, b) = (items(&arg(0))?, items(&arg(1))?);
            let only = |from: &[Value<'a>], other: &[Value<'a>]| -> Vec<Value<'a>> {
                from.iter()
                    .filter(|x| !other.iter().any(|y| y.equals(x)))
                    .cloned()
                    .collect()
            };
            let mut out = only(&b, &a);
            out.extend(only(&a, &b));
            Ok(Value::list(out))
        })(),
        "keyVals" => match args.split_first() {
            Some((key, values)) => Ok(Value::Object(std::rc::Rc::new(KeyValues {
                key: key.clone(),
                values: values.to_vec(),
            }))),
            None => Err("keyVals: missing the key".into()),
        },
        // Hugo shuffles at random; labsite's order is fixed by the items, so
        // that two builds of the same input are the same.
        "shuffle" => items(&arg(0)).map(|l| {
            let seed = l
                .iter()
                .map(Value::to_text)
                .collect::<Vec<_>>()
                .join("\u{1}");
            Value::list(permuted(l, &seed))
        }),
        "collections.D" => sample(args),
        // `compare.LtCollate COLLATOR A B`: `lt` by the language's collation.
        "compare.LtCollate" => match args {
            [_, a, b] => Ok(Value::Bool(a.collate(b) == Ordering::Less)),
            _ => Err("compare.LtCollate: want the collator and two values".into()),
        },
        _ => return None,
    })
}

/// `keyVals KEY VALUES…` (`.Key`, `.Values`), printed as `KEY: [VALUES]`.
struct KeyValues<'a> {
    key: Value<'a>,
    values: Vec<Value<'a>>,
}

impl<'a> super::value::Object<'a> for KeyValues<'a> {
    fn method(&self, name: &str, _: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
        match name {
            "Key" => Some(Ok(self.key.clone())),
            "Values" => Some(Ok(Value::list(self.values.clone()))),
            _ => None,
        }
    }

    fn type_name(&self) -> &'static str {
        "types.KeyValues"
    }

    fn display(&self) -> String {
        format!(
            "{}: {}",
            self.key.to_text(),
            Value::list(self.values.clone()).to_text()
        )
    }
}

/// `collections.D SEED N HIGH`: `N` different numbers below `HIGH`, picked by
/// `SEED`, in order.
fn sample<'a>(args: &[Value<'a>]) -> Result<Value<'a>, String> {
    let (seed, n, high) = match args {
        [s, n, h] => (s.as_i64(), n.as_i64(), h.as_i64()),
        _ => return Err("collections.D: want the seed, the count and the bound".to_string()),
    };
    let (Some(seed), Some(n), Some(high)) = (seed, n, high) else {
        return Err("collections.D: the seed, count and bound must be whole numbers".into());
    };
    if n < 0 || high < 0 || n > high {
        return Err(format!(
            "collections.D: can't pick {n} numbers below {high}"
        ));
    }
    let all: Vec<Value<'a>> = (0..high).map(Value::Int).collect();
    let mut picked: Vec<i64> = permuted(all, &seed.to_string())
        .into_iter()
        .take(n as usize)
        .filter_map(|v| v.as_i64())
        .collect();
    picked.sort_unstable();
    Ok(Value::list(picked.into_iter().map(Value::Int).collect()))
}

/// `items` in an order that looks random but depends only on `seed`
/// (a Fisher–Yates shuffle driven by xorshift from the seed's hash).
fn permuted<'a>(mut items: Vec<Value<'a>>, seed: &str) -> Vec<Value<'a>> {
    let mut state = seed.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    }) | 1;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, weight: i64) -> Value<'static> {
        let mut m = BTreeMap::new();
        m.insert("Title".to_string(), Value::str(title));
        let mut params = BTreeMap::new();
        params.insert("weight".to_string(), Value::Int(weight));
        m.insert("Params".to_string(), Value::map(params));
        Value::map(m)
    }

    fn titles(v: Value<'_>) -> String {
        match v {
            Value::List(l) => l
                .iter()
                .map(|p| p.field("Title").unwrap().to_text())
                .collect::<Vec<_>>()
                .join(","),
            other => format!("not a list: {}", other.to_text()),
        }
    }

    #[test]
    fn where_and_sort() {
        let pages = Value::list(vec![page("b", 2), page("a", 3), page("c", 1)]);
        let r = call(
            "where",
            &[
                pages.clone(),
                Value::str(".Params.weight"),
                Value::str(">="),
                Value::Int(2),
            ],
        );
        assert_eq!(titles(r.unwrap().unwrap()), "b,a");
        let r = call(
            "where",
            &[pages.clone(), Value::str("Title"), Value::str("c")],
        );
        assert_eq!(titles(r.unwrap().unwrap()), "c");
        let r = call("sort", &[pages.clone(), Value::str("Params.weight")]);
        assert_eq!(titles(r.unwrap().unwrap()), "c,b,a");
        let r = call("sort", &[pages, Value::str("Title"), Value::str("desc")]);
        assert_eq!(titles(r.unwrap().unwrap()), "c,b,a");
        let bad = call(
            "where",
            &[Value::Nil, Value::str("x"), Value::str("~"), Value::Int(1)],
        );
        assert_eq!(
            bad.unwrap().err(),
            None,
            "an empty collection has nothing to compare"
        );
    }

    #[test]
    fn set_functions() {
        let list = |v: &[i64]| Value::list(v.iter().map(|&i| Value::Int(i)).collect());
        let show = |r: Option<Result<Value<'_>, String>>| r.unwrap().unwrap().to_text();
        assert_eq!(show(call("uniq", &[list(&[1, 2, 1, 3])])), "[1 2 3]");
        assert_eq!(
            show(call("union", &[list(&[1, 2]), list(&[2, 3])])),
            "[1 2 3]"
        );
        assert_eq!(
            show(call("intersect", &[list(&[1, 2]), list(&[2, 3])])),
            "[2]"
        );
        assert_eq!(
            show(call("complement", &[list(&[2]), list(&[1, 2, 3])])),
            "[1 3]"
        );
        assert_eq!(show(call("append", &[Value::Int(4), list(&[1])])), "[1 4]");
        assert_eq!(
            show(call(
                "querify",
                &[
                    Value::str("b"),
                    Value::Int(2),
                    Value::str("a"),
                    Value::str("x y")
                ]
            )),
            "a=x%20y&b=2"
        );
    }
}
