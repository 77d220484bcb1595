package site

import "html/template"

// style is the pages' stylesheet, inline so that a page needs no other
// file. It names generic font families only.
const style = `
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 62rem; padding: 1rem 1.5rem 3rem; color: #1d1d1f; line-height: 1.45; }
nav { font-size: .9rem; margin-bottom: 1rem; }
h1 { margin: .2rem 0; }
h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; font-size: 1.2rem; }
code, .iri { font-family: ui-monospace, monospace; font-size: .85rem; word-break: break-all; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #eee; }
th { font-weight: 600; background: #f6f6f8; }
blockquote { margin: .2rem 0; padding: .2rem .6rem; border-left: 3px solid #c9c9d1; color: #333; }
ul.plain { list-style: none; padding-left: 0; }
.qual, .src, .muted { color: #555; font-size: .9rem; }
.formats a { margin-right: .8rem; }
.columns { columns: 16rem; }
svg { max-width: 100%; height: auto; }
`

var funcs = template.FuncMap{
	"css": func() template.CSS { return template.CSS(style) },
}

// termTemplate shows a link: text, language and where it leads.
const termTemplate = `{{define "term"}}{{if .Href}}<a href="{{.Href}}"{{if .Title}} title="{{.Title}}"{{end}}{{if .Lang}} lang="{{.Lang}}"{{end}}>{{.Text}}</a>{{else}}<span{{if .Title}} title="{{.Title}}"{{end}}{{if .Lang}} lang="{{.Lang}}"{{end}}>{{.Text}}</span>{{end}}{{end}}`

var pageTemplate = template.Must(template.New("page").Funcs(funcs).Parse(termTemplate + `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{.Generator}}">
<title>{{.Title}} — {{.Site}}</title>
<link rel="alternate" type="text/turtle" href="{{.TTL}}">
<link rel="alternate" type="application/ld+json" href="{{.JSONLD}}">
<style>{{css}}</style>
<script type="application/ld+json">
{{.JSONLDScript}}</script>
</head>
<body>
<nav><a href="{{.Root}}index.html">{{.Site}}</a></nav>
<h1{{if .Lang}} lang="{{.Lang}}"{{end}}>{{.Title}}</h1>
<p class="iri">{{.IRI}}</p>
<p class="formats">This description as <a href="{{.TTL}}" type="text/turtle">Turtle</a> <a href="{{.JSONLD}}" type="application/ld+json">JSON-LD</a></p>
{{with .Types}}<p id="types">Type: {{range $i, $t := .}}{{if $i}}, {{end}}{{template "term" $t}}{{end}}</p>{{end}}
{{with .Wikidata}}<h2 id="wikidata">Wikidata</h2>
<ul class="plain">{{range .}}<li>Same as {{template "term" .Item}}{{if .Confidence}} <span class="muted">(confidence {{.Confidence}}{{if .Evidence}}: {{.Evidence}}{{end}})</span>{{end}}</li>{{end}}</ul>{{end}}
{{with .Articles}}<h2 id="articles">Articles</h2>
<ul class="plain">{{range .}}<li>{{template "term" .Link}}{{with .About}} <span class="muted">({{.}})</span>{{end}}</li>{{end}}</ul>{{end}}
{{with .Labels}}<h2 id="names">Names</h2>
<table>
<tr><th>Language</th><th>Name</th><th>Also known as</th></tr>
{{range .}}<tr><td><code>{{if .Lang}}{{.Lang}}{{else}}—{{end}}</code></td><td{{if .Lang}} lang="{{.Lang}}"{{end}}>{{range $i, $n := .Names}}{{if $i}}; {{end}}{{$n}}{{end}}</td><td{{if .Lang}} lang="{{.Lang}}"{{end}}>{{range $i, $n := .Aliases}}{{if $i}}; {{end}}{{$n}}{{end}}</td></tr>
{{end}}</table>{{end}}
{{with .Statements}}<h2 id="statements">Statements</h2>
<table>
<tr><th>Property</th><th>Value</th><th>Evidence</th></tr>
{{range .}}<tr{{if .ID}} id="{{.ID}}"{{end}} title="{{.Title}}"><td>{{template "term" .Property}}{{if .Href}} <a class="muted" href="{{.Href}}" title="the statement {{.Title}}">¶</a>{{end}}</td><td>{{range $i, $v := .Values}}{{if $i}}, {{end}}{{template "term" $v}}{{end}}{{range .Qualifiers}}<div class="qual">{{template "term" .Property}}: {{template "term" .Value}}</div>{{end}}{{range .Other}}<div class="qual">{{template "term" .Property}}: {{template "term" .Value}}</div>{{end}}</td><td>{{range .References}}<div class="ref" title="{{.Title}}">{{range .Quotes}}<blockquote>{{template "term" .}}</blockquote>{{end}}{{if or .Cited .Href}}<div class="src">{{with .Cited}}Stated in {{range $i, $c := .}}{{if $i}}, {{end}}{{template "term" $c}}{{end}}{{end}}{{if .Href}}{{if .Cited}} · {{end}}<a href="{{.Href}}" title="the reference {{.Title}}">reference</a>{{end}}</div>{{end}}{{with .Other}}<div class="src">{{range $i, $o := .}}{{if $i}} · {{end}}{{template "term" $o.Property}}: {{template "term" $o.Value}}{{end}}</div>{{end}}</div>{{end}}</td></tr>
{{end}}</table>{{end}}
{{with .Other}}<h2 id="facts">Other facts</h2>
<table>
<tr><th>Property</th><th>Value</th></tr>
{{range .}}<tr><td>{{template "term" .Property}}</td><td>{{template "term" .Value}}</td></tr>
{{end}}</table>{{end}}
{{with .Incoming}}<h2 id="incoming">Linked from</h2>
<table>
<tr><th>Entity</th><th>Property</th></tr>
{{range .}}<tr><td>{{template "term" .From}}</td><td>{{template "term" .Property}}</td></tr>
{{end}}</table>{{end}}
</body>
</html>
`))

var indexTemplate = template.Must(template.New("index").Funcs(funcs).Parse(termTemplate + `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{.Generator}}">
<title>{{.Title}}</title>
<style>{{css}}</style>
{{with .JSONLD}}<script type="application/ld+json">
{{.}}</script>
{{end}}</head>
<body>
<h1>{{.Title}}</h1>
<p class="iri">{{.Base}}</p>
{{with .Dataset}}{{with .Text}}<p id="description">{{.}}</p>{{end}}
<h2 id="dataset">Dataset</h2>
<p class="iri">{{.IRI}}</p>
<table id="dataset-facts">
{{range .Facts}}<tr><th scope="row">{{.Label}}</th><td>{{.Value}}</td></tr>
{{end}}{{range .Links}}<tr><th scope="row">{{.Label}}</th><td>{{template "term" .Value}}</td></tr>
{{end}}</table>
{{with .Downloads}}<h3 id="downloads">Downloads</h3>
<table>
<tr><th>File</th><th>Media type</th><th>Bytes</th><th>SHA-256</th></tr>
{{range .}}<tr><td>{{if .Href}}<a href="{{.Href}}" type="{{.MediaType}}">{{.Name}}</a>{{else}}{{.Name}}{{end}}</td><td><code>{{.MediaType}}</code></td><td>{{.Size}}</td><td><code>{{.SHA256}}</code></td></tr>
{{end}}</table>{{end}}
{{with .Inputs}}<h3 id="inputs">Sources read</h3>
<table>
<tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr>
{{range .}}<tr><td>{{.Name}}</td><td>{{.Size}}</td><td><code>{{.SHA256}}</code></td></tr>
{{end}}</table>{{end}}
{{end}}<h2 id="counts">Counts</h2>
<table id="count-table">
{{range .Counts}}<tr><th scope="row">{{.Label}}</th><td>{{.Value}}</td></tr>
{{end}}</table>
{{with .Sources}}<p>Sources: {{range $i, $s := .}}{{if $i}}, {{end}}{{template "term" $s}}{{end}}</p>{{end}}
<h2 id="graph">Graph</h2>
<figure>
{{.SVG}}
<figcaption class="muted">Classes of entities (circle size: number of entities) and the facts linking them (arrow width: number of facts). Also as <a href="graph.svg">graph.svg</a>.</figcaption>
</figure>
{{with .ClassLinks}}<table id="class-links">
<tr><th>From</th><th>To</th><th>Facts</th><th>Properties</th></tr>
{{range .}}<tr><td>{{template "term" .From}}</td><td>{{template "term" .To}}</td><td>{{.Facts}}</td><td>{{.Properties}}</td></tr>
{{end}}</table>{{end}}
<h2 id="entities">Entities</h2>
{{range .Classes}}<h3 id="{{.ID}}">{{template "term" .Class}} ({{len .Entities}})</h3>
<ul class="columns">{{range .Entities}}<li>{{template "term" .}}</li>{{end}}</ul>
{{end}}
<h2 id="properties">Properties</h2>
<table>
<tr><th>Property</th><th>IRI</th><th>Triples</th></tr>
{{range .Properties}}<tr><td>{{template "term" .Property}}</td><td><code>{{.Curie}}</code></td><td>{{.Count}}</td></tr>
{{end}}</table>
</body>
</html>
`))

var nodeTemplate = template.Must(template.New("node").Funcs(funcs).Parse(termTemplate + `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{.Generator}}">
<meta name="robots" content="noindex">
<title>{{.Title}} — {{.Site}}</title>
<link rel="alternate" type="text/turtle" href="{{.TTL}}">
<link rel="alternate" type="application/ld+json" href="{{.JSONLD}}">
<style>{{css}}</style>
</head>
<body>
<nav><a href="{{.Root}}index.html">{{.Site}}</a></nav>
<h1>{{.Title}}</h1>
<p class="iri">{{.IRI}}</p>
<p class="formats">This description as <a href="{{.TTL}}" type="text/turtle">Turtle</a> <a href="{{.JSONLD}}" type="application/ld+json">JSON-LD</a></p>
{{with .Types}}<p id="types">Type: {{range $i, $t := .}}{{if $i}}, {{end}}{{template "term" $t}}{{end}}</p>{{end}}
{{with .DescribedOn}}<p id="described-on">Described on the page of {{range $i, $l := .}}{{if $i}}, {{end}}{{template "term" $l}}{{end}}</p>{{end}}
{{with .Facts}}<h2 id="facts">Facts</h2>
<table>
<tr><th>Property</th><th>Value</th></tr>
{{range .}}<tr><td>{{template "term" .Property}}</td><td>{{template "term" .Value}}</td></tr>
{{end}}</table>{{end}}
{{with .Incoming}}<h2 id="incoming">Linked from</h2>
<table>
<tr><th>Node</th><th>Property</th></tr>
{{range .}}<tr><td>{{template "term" .From}}</td><td>{{template "term" .Property}}</td></tr>
{{end}}</table>{{end}}
</body>
</html>
`))
