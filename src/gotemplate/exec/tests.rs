//! Tests of template execution: escaping, control flow, variables.

use super::*;
use crate::gotemplate::value::Object;

fn run(src: &str, dot: Value<'_>) -> String {
    let mut t = Templates::default();
    t.add("t", "t.html", src).unwrap();
    execute(&t, "t", dot, &NoHost, true).unwrap_or_else(|e| format!("ERR {e}"))
}

struct Shortcode;
impl<'a> Object<'a> for Shortcode {
    fn method(&self, name: &str, args: &[Value<'a>]) -> Option<Result<Value<'a>, String>> {
        match name {
            "Get" => Some(Ok(match args.first().and_then(Value::as_i64) {
                Some(0) => Value::str("info"),
                _ => Value::Nil,
            })),
            "Inner" => Some(Ok(Value::html("<p>x</p>"))),
            _ => None,
        }
    }
    fn type_name(&self) -> &'static str {
        "*hugolib.ShortcodeWithPage"
    }
}

#[test]
fn learn_notice_runs() {
    let src = r#"{{ $_hugo_config := `{ "version": 1 }` }}<div class="notices {{ .Get 0 }}" {{ if len .Params | eq 2 }} id="{{ .Get 1 }}" {{ end }}>{{ .Inner }}</div>"#;
    let dot = Value::Object(std::rc::Rc::new(Shortcode));
    // `.Params` is unknown to this test object: the error names file, line and column.
    assert_eq!(
        run(src, dot.clone()),
        "ERR t.html:1:82: can't evaluate field Params in type *hugolib.ShortcodeWithPage"
    );
    let src = r#"{{ $_hugo_config := `{ "version": 1 }` }}<div class="notices {{ .Get 0 }}">{{ .Inner }}</div>"#;
    assert_eq!(run(src, dot), "<div class=\"notices info\"><p>x</p></div>");
}

#[test]
fn control_flow_and_variables() {
    let data =
        Value::from_json(&serde_json::json!({"L": ["a", "b", "c"], "M": {"k": 1}, "T": "C++ <b>"}));
    assert_eq!(
        run(
            "{{ range $i, $e := .L }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ $e }}{{ end }}",
            data.clone()
        ),
        "ac"
    );
    assert_eq!(
        run(
            "{{ range .L }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}",
            data.clone()
        ),
        "a"
    );
    assert_eq!(
        run(
            "{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}",
            data.clone()
        ),
        "2"
    );
    assert_eq!(
        run(
            "{{ with .M }}{{ .k }}{{ else }}none{{ end }}{{ with .Nope }}x{{ else }}none{{ end }}",
            data.clone()
        ),
        "1none"
    );
    assert_eq!(
        run("{{ range .Nope }}x{{ else }}empty{{ end }}", data.clone()),
        "empty"
    );
    assert_eq!(run("{{ .T }}", data.clone()), "C&#43;&#43; &lt;b&gt;");
    assert_eq!(
        run(
            "{{- define \"x\" -}}[{{ . }}]{{- end -}}{{ template \"x\" .T }}",
            data
        ),
        "[C&#43;&#43; &lt;b&gt;]"
    );
}
