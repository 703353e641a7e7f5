//! Hugo's names for its template functions: each function has one name the
//! implementation answers to, and Hugo gives most of them a second one (a short
//! alias such as `md5` beside `crypto.MD5`, or a namespace such as
//! `collections.After` beside `after`). [`canonical`] turns any of them into the
//! one the implementation knows; [`unsupported`] names the few functions labsite
//! does not run and why.

/// Hugo's other names of a function, then the name labsite implements it under.
const ALIASES: &[(&str, &str)] = &[
    ("cast.ToFloat", "float"),
    ("cast.ToInt", "int"),
    ("cast.ToString", "string"),
    ("collections.After", "after"),
    ("collections.Append", "append"),
    ("collections.Apply", "apply"),
    ("collections.Complement", "complement"),
    ("collections.Delimit", "delimit"),
    ("collections.Dictionary", "dict"),
    ("collections.First", "first"),
    ("collections.Group", "group"),
    ("collections.NewScratch", "newScratch"),
    ("collections.In", "in"),
    ("collections.Index", "index"),
    ("collections.Intersect", "intersect"),
    ("collections.IsSet", "isset"),
    ("isSet", "isset"),
    ("collections.KeyVals", "keyVals"),
    ("collections.Last", "last"),
    ("collections.Merge", "merge"),
    ("collections.NewScratch", "newScratch"),
    ("collections.Querify", "querify"),
    ("collections.Seq", "seq"),
    ("collections.Shuffle", "shuffle"),
    ("collections.Slice", "slice"),
    ("collections.Sort", "sort"),
    ("collections.SymDiff", "symdiff"),
    ("collections.Union", "union"),
    ("collections.Uniq", "uniq"),
    ("collections.Where", "where"),
    ("compare.Conditional", "cond"),
    ("compare.Default", "default"),
    ("compare.Eq", "eq"),
    ("compare.Ge", "ge"),
    ("compare.Gt", "gt"),
    ("compare.Le", "le"),
    ("compare.Lt", "lt"),
    ("compare.Ne", "ne"),
    ("crypto.FNV32a", "hash.FNV32a"),
    ("crypto.HMAC", "hmac"),
    ("crypto.MD5", "md5"),
    ("crypto.SHA1", "sha1"),
    ("crypto.SHA256", "sha256"),
    ("hash.XxHash", "xxhash"),
    ("encoding.Base64Decode", "base64Decode"),
    ("encoding.Base64Encode", "base64Encode"),
    ("encoding.Jsonify", "jsonify"),
    ("fmt.Errorf", "errorf"),
    ("fmt.Erroridf", "erroridf"),
    ("fmt.Print", "print"),
    ("fmt.Printf", "printf"),
    ("fmt.Println", "println"),
    ("fmt.Warnf", "warnf"),
    ("fmt.Warnidf", "warnidf"),
    ("images.Config", "imageConfig"),
    ("inflect.Humanize", "humanize"),
    ("inflect.Pluralize", "pluralize"),
    ("inflect.Singularize", "singularize"),
    ("lang.Translate", "T"),
    ("i18n", "T"),
    ("math.Add", "add"),
    ("math.Div", "div"),
    ("math.Mod", "mod"),
    ("math.ModBool", "modBool"),
    ("math.Mul", "mul"),
    ("math.Pow", "pow"),
    ("math.Sub", "sub"),
    ("os.FileExists", "fileExists"),
    ("os.Getenv", "getenv"),
    ("os.ReadDir", "readDir"),
    ("os.ReadFile", "readFile"),
    ("partials.Include", "partial"),
    ("partials.IncludeCached", "partialCached"),
    ("resources.Babel", "babel"),
    ("resources.Fingerprint", "fingerprint"),
    ("resources.Minify", "minify"),
    ("resources.PostCSS", "postCSS"),
    ("resources.ToCSS", "toCSS"),
    ("safe.CSS", "safeCSS"),
    ("safe.HTML", "safeHTML"),
    ("safe.HTMLAttr", "safeHTMLAttr"),
    ("safe.JS", "safeJS"),
    ("safe.JSStr", "safeJSStr"),
    ("safe.URL", "safeURL"),
    ("strings.Chomp", "chomp"),
    ("strings.CountRunes", "countrunes"),
    ("strings.CountWords", "countwords"),
    ("strings.FindRE", "findRE"),
    ("strings.FindRESubmatch", "findRESubmatch"),
    ("strings.HasPrefix", "hasPrefix"),
    ("strings.HasSuffix", "hasSuffix"),
    ("strings.ReplaceRE", "replaceRE"),
    ("strings.SliceString", "slicestr"),
    ("strings.Split", "split"),
    ("strings.Substr", "substr"),
    ("strings.Title", "title"),
    ("strings.ToLower", "lower"),
    ("strings.ToUpper", "upper"),
    ("strings.Trim", "trim"),
    ("strings.Truncate", "truncate"),
    ("templates.DoDefer", "doDefer"),
    ("templates.Inner", "inner"),
    ("time.AsTime", "time"),
    ("time.Duration", "duration"),
    ("time.Format", "dateFormat"),
    ("time.Now", "now"),
    ("transform.Emojify", "emojify"),
    ("transform.HTMLEscape", "htmlEscape"),
    ("transform.HTMLUnescape", "htmlUnescape"),
    ("transform.Highlight", "highlight"),
    ("transform.Markdownify", "markdownify"),
    ("transform.Plainify", "plainify"),
    ("transform.Unmarshal", "unmarshal"),
    ("urls.AbsLangURL", "absLangURL"),
    ("urls.AbsURL", "absURL"),
    ("urls.Anchorize", "anchorize"),
    ("urls.Ref", "ref"),
    ("urls.RelLangURL", "relLangURL"),
    ("urls.RelRef", "relref"),
    ("urls.RelURL", "relURL"),
    ("urls.URLize", "urlize"),
    ("data.GetCSV", "getCSV"),
    ("data.GetJSON", "getJSON"),
    ("fmt.Errormf", "errorf"),
    ("fmt.Warnmf", "warnf"),
];

/// The name `name`'s implementation answers to: itself unless it is one of
/// Hugo's other names of a function.
pub fn canonical(name: &str) -> &str {
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == name)
        .map_or(name, |(_, implemented)| implemented)
}

/// Hugo's functions labsite knows but does not run, with why and what to do.
/// A template that calls one builds until the call runs; then the build stops
/// with this text.
const UNSUPPORTED: &[(&str, &str)] = &[
    (
        "css.Sass",
        "compiles Sass with Dart Sass or LibSass, which labsite does not bundle: compile the stylesheet ahead and keep the CSS in assets/ or static/",
    ),
    (
        "css.TailwindCSS",
        "runs the Tailwind CSS program, which labsite does not bundle: build the stylesheet ahead and keep the CSS in assets/ or static/",
    ),
    (
        "css.Build",
        "bundles CSS with esbuild, which labsite does not bundle: build the stylesheet ahead and keep it in assets/ or static/",
    ),
    (
        "js.Build",
        "bundles JavaScript with esbuild, which labsite does not bundle: build the script ahead and keep it in assets/ or static/",
    ),
    (
        "js.Batch",
        "bundles JavaScript with esbuild, which labsite does not bundle: build the scripts ahead and keep them in assets/ or static/",
    ),
    (
        "transform.ToMath",
        "renders LaTeX with KaTeX, which labsite does not bundle: use the theme's math shortcode, rendered in the browser",
    ),
    (
        "transform.PortableText",
        "converts Sanity's Portable Text, which workshops do not use: keep the content as Markdown",
    ),
    (
        "transform.HTMLToMarkdown",
        "converts HTML to Markdown, which labsite does not do: keep the content as Markdown",
    ),
    (
        "strings.Diff",
        "prints a unified diff of two texts, which labsite does not do: compare the texts outside the build",
    ),
    (
        "call",
        "calls a function value, and labsite's templates have no function values: call the function by name",
    ),
    (
        "openapi3.Unmarshal",
        "reads an OpenAPI document into Hugo's OpenAPI objects, which labsite does not have: use transform.Unmarshal and read the data as a map",
    ),
    (
        "css.ChromaStyles",
        "writes a stylesheet for Hugo's Chroma highlighter, whose class names labsite's highlighting does not use: keep the stylesheet in assets/ or static/",
    ),
    (
        "diagrams.Goat",
        "draws ASCII diagrams as SVG, which labsite does not do: keep the diagram as an SVG file in assets/ or static/",
    ),
    (
        "images.QR",
        "draws QR codes as images, which labsite does not do: keep the QR code as an image file in assets/ or static/",
    ),
    (
        "images.Text",
        "draws text into image pixels, which labsite does not do: keep the finished image in assets/ or static/",
    ),
    (
        "debug.TestDeprecationErr",
        "is Hugo's own test of its deprecation messages",
    ),
    (
        "debug.TestDeprecationInfo",
        "is Hugo's own test of its deprecation messages",
    ),
    (
        "debug.TestDeprecationWarn",
        "is Hugo's own test of its deprecation messages",
    ),
];

/// Why labsite does not run `name`, when it is one of those it knows but does not run.
pub fn unsupported(name: &str) -> Option<String> {
    UNSUPPORTED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, why)| format!("labsite does not run {n}: it {why}"))
}
