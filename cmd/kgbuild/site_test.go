package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// committedTTL is the sample's committed Turtle (make run writes it).
const committedTTL = "../../out/" + sampleName + ".ttl"

// chromiumPath finds Debian's chromium, which .ci/run installs. Without
// it the browser test fails, unless KGBUILD_NO_CHROMIUM=1 says this
// machine has none on purpose (CI never sets it).
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("KGBUILD_NO_CHROMIUM") == "1" {
		t.Skip("chromium not installed and KGBUILD_NO_CHROMIUM=1")
	}
	t.Fatal("needs chromium (apt-get install -y chromium; .ci/run installs it); set KGBUILD_NO_CHROMIUM=1 to skip on a machine without it")
	return ""
}

// artifactDir is where the browser test leaves the site and its
// screenshots: $KGBUILD_ARTIFACTS/site-test when set, else a temporary
// directory (removed after the test).
func artifactDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("KGBUILD_ARTIFACTS"); d != "" {
		dir := filepath.Join(d, "site-test")
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// headless runs chromium headless on a file with extra arguments and
// returns its stdout.
func headless(t *testing.T, chromium, profile string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	all := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile}, args...)
	cmd := exec.CommandContext(ctx, chromium, all...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

func fileURL(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

var (
	hrefRE = regexp.MustCompile(`\shref="([^"]*)"`)
	tagRE  = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)
	idRE   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// visibleText is the text of a DOM without tags, scripts and styles,
// white space collapsed.
func visibleText(dom string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(dom, " "))), " ")
}

// TestSiteInChromium builds the site of the committed sample output, has
// headless Chromium render the index and an entity page, checks their
// text and that every internal link of every page resolves (to a file,
// and to an element for a #fragment), and saves screenshots (see
// artifactDir; the log names them).
func TestSiteInChromium(t *testing.T) {
	chromium := chromiumPath(t)
	art := artifactDir(t)
	dir := filepath.Join(art, "site")
	r := runArgs("", "site", "--out", dir, committedTTL)
	if r.code != exitOK {
		t.Fatalf("kgbuild site: exit %d\n%s", r.code, r.stderr)
	}
	profile := t.TempDir()

	index := filepath.Join(dir, "index.html")
	entity := filepath.Join(dir, "country", "kazakhstan.html")
	indexDOM := headless(t, chromium, profile, "--dump-dom", fileURL(t, index))
	entityDOM := headless(t, chromium, profile, "--dump-dom", fileURL(t, entity))

	indexText := visibleText(indexDOM)
	for _, want := range []string{
		"Knowledge graph of “Government of Kazakhstan”", // the dataset's title
		"Triples " + strconv.Itoa(bytes.Count(readFile(t, "../../out/"+sampleName+".nt"), []byte("\n"))),
		"Entities (pages)",
		"Languages of names 3 (en, kk, kk-Latn)",
		"schema:City (21)",
		"Astana", "Kassym-Jomart Tokayev",
	} {
		if !strings.Contains(indexText, want) {
			t.Errorf("index as rendered lacks %q: %s", want, quoteLine(indexText))
		}
	}
	// The build's dataset description, found beside the graph.
	for _, want := range []string{"Downloads", "Sources read", "CC-BY-SA-4.0", sampleName + ".nt"} {
		if !strings.Contains(indexText, want) {
			t.Errorf("index as rendered lacks the dataset's %q: %s", want, quoteLine(indexText))
		}
	}
	if !strings.Contains(indexDOM, `<script type="application/ld+json">`) || !strings.Contains(indexDOM, `"@type": "Dataset"`) {
		t.Errorf("index has no embedded JSON-LD of the dataset")
	}
	for _, name := range []string{"dataset.ttl", "dataset.jsonld", sampleName + ".ttl", sampleName + ".jsonld", sampleName + ".nt"} {
		if !bytes.Equal(readFile(t, filepath.Join(dir, name)), readFile(t, filepath.Join("../../out", name))) {
			t.Errorf("%s in the site is not out/%s", name, name)
		}
	}
	if !strings.Contains(indexDOM, "<svg") || !strings.Contains(indexDOM, "<circle") {
		t.Errorf("index as rendered has no SVG picture")
	}
	entityText := visibleText(entityDOM)
	for _, want := range []string{
		"Kazakhstan",
		"https://example.org/kgbuild/resource/country/kazakhstan",
		"capital ¶ Astana start time", "1998-06-10",
		"The Government of Kazakhstan transferred its capital from Almaty to Astana on 10 June 1998.",
		"Stated in Government of Kazakhstan",
		"Linked from",
	} {
		if !strings.Contains(entityText, want) {
			t.Errorf("entity page as rendered lacks %q: %s", want, quoteLine(entityText))
		}
	}
	if !strings.Contains(entityDOM, `<script type="application/ld+json">`) {
		t.Errorf("entity page has no JSON-LD script")
	}

	// Links of the rendered DOMs, then of every page written.
	checkLinks(t, index, indexDOM)
	checkLinks(t, entity, entityDOM)
	pages := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		checkLinks(t, p, string(readFile(t, p)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 50 {
		t.Errorf("only %d pages written", pages)
	}

	for _, shot := range []struct{ name, page, size string }{
		{"index.png", index, "1280,2400"},
		{"entity.png", entity, "1280,1600"},
	} {
		png := filepath.Join(art, shot.name)
		headless(t, chromium, profile, "--window-size="+shot.size, "--screenshot="+png, fileURL(t, shot.page))
		fi, err := os.Stat(png)
		if err != nil || fi.Size() < 10000 {
			t.Errorf("screenshot %s: %v (size %d)", png, err, fi.Size())
			continue
		}
		t.Logf("screenshot: %s", png)
	}
}

// checkLinks fails for each href of dom (the page at path) that names a
// file of the site that does not exist, or a fragment no element has.
func checkLinks(t *testing.T, path, dom string) {
	t.Helper()
	for _, m := range hrefRE.FindAllStringSubmatch(dom, -1) {
		href := html.UnescapeString(m[1])
		u, err := url.Parse(href)
		if err != nil {
			t.Errorf("%s: bad href %q: %v", path, href, err)
			continue
		}
		if u.Scheme != "" || u.Host != "" {
			continue // external: the entity's IRI, Wikidata, schema.org
		}
		target := path
		if u.Path != "" {
			target = filepath.Join(filepath.Dir(path), filepath.FromSlash(u.Path))
		}
		if _, err := os.Stat(target); err != nil {
			t.Errorf("%s: link %q: %v", path, href, err)
			continue
		}
		if u.Fragment != "" {
			ids := idRE.FindAllStringSubmatch(string(readFile(t, target)), -1)
			if !slices.ContainsFunc(ids, func(id []string) bool { return id[1] == u.Fragment }) {
				t.Errorf("%s: link %q: no element with id %q", path, href, u.Fragment)
			}
		}
	}
}

// TestSiteCommand: errors of the site command, each with its exit code
// and nothing written.
func TestSiteCommand(t *testing.T) {
	tmp := t.TempDir()
	bad := filepath.Join(tmp, "bad.ttl")
	if err := os.WriteFile(bad, []byte("<https://e.org/a> <https://e.org/p> \"x\" .\n<https://e.org/a> <https://e.org/p> .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(tmp, "notes")
	if err := os.MkdirAll(notes, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notes, "a.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "site")
	for _, c := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no graphs", []string{"site", "--out", out}, exitUsage, "no input graphs"},
		{"bad base", []string{"site", "--out", out, "--base", "relative/", committedTTL}, exitUsage, "--base"},
		{"unknown format", []string{"site", "--out", out, filepath.Join(tmp, "x.txt")}, exitUsage, "no readable RDF format"},
		{"missing", []string{"site", "--out", out, filepath.Join(tmp, "missing.ttl")}, exitInput, "missing.ttl: no such file"},
		{"syntax error", []string{"site", "--out", out, bad}, exitInput, "bad.ttl:2:"},
		{"not a site", []string{"site", "--out", notes, committedTTL}, exitOutput, "not a kgbuild site"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runArgs("", c.args...)
			if r.code != c.code || !strings.Contains(r.stderr, c.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", r.code, r.stderr, c.code, c.msg)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s written", out)
			}
		})
	}
	if got := dirNames(t, notes); !slices.Equal(got, []string{"a.txt"}) {
		t.Errorf("notes now hold %q", got)
	}
	wantExactly(t, tmp, []string{"bad.ttl", "notes"})

	// A dataset description whose downloads are missing: served without
	// them, with a warning each.
	build := filepath.Join(tmp, "build")
	if err := os.MkdirAll(build, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"dataset.ttl", "dataset.jsonld", sampleName + ".ttl"} {
		if err := os.WriteFile(filepath.Join(build, name), readFile(t, filepath.Join("../../out", name)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ds := filepath.Join(tmp, "ds")
	r := runArgs("", "site", "--quiet", "--out", ds, filepath.Join(build, sampleName+".ttl"))
	if r.code != exitOK || strings.Count(r.stderr, "not served: missing or changed") != 2 {
		t.Errorf("exit %d, stderr %q; want 0 and two warnings", r.code, r.stderr)
	}
	for _, name := range []string{"dataset.ttl", "dataset.html", sampleName + ".ttl"} {
		if _, err := os.Stat(filepath.Join(ds, name)); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(ds, sampleName+".nt")); err == nil {
		t.Errorf("missing download served")
	}
	if r := runArgs("", "site", "--quiet", "--out", ds, "--dataset", "none", filepath.Join(build, sampleName+".ttl")); r.code != exitOK {
		t.Errorf("--dataset none: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(ds, "dataset.ttl")); err == nil {
		t.Errorf("--dataset none: dataset.ttl served")
	}
	if r := runArgs("", "site", "--out", ds, "--dataset", filepath.Join(tmp, "nope.ttl"), committedTTL); r.code != exitInput || !strings.Contains(r.stderr, "nope.ttl") {
		t.Errorf("missing --dataset: exit %d, stderr %q", r.code, r.stderr)
	}
	if err := os.RemoveAll(build); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(ds); err != nil {
		t.Fatal(err)
	}

	// A gzipped graph (a corpus shard) gives the site its plain form gives.
	nt := readFile(t, "../../out/"+sampleName+".nt")
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write(nt)
	zw.Close()
	gz := filepath.Join(tmp, "part-00000.nq.gz")
	if err := os.WriteFile(gz, zb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	fromGz, fromNT := filepath.Join(tmp, "gz"), filepath.Join(tmp, "nt")
	if r := runArgs("", "site", "--quiet", "--dataset", "none", "--out", fromGz, gz); r.code != exitOK {
		t.Fatalf("site %s: exit %d, stderr %q", gz, r.code, r.stderr)
	}
	if r := runArgs("", "site", "--quiet", "--dataset", "none", "--out", fromNT, "../../out/"+sampleName+".nt"); r.code != exitOK {
		t.Fatalf("site .nt: exit %d, stderr %q", r.code, r.stderr)
	}
	for _, name := range []string{"index.html", "country/kazakhstan.html", "country/kazakhstan.ttl"} {
		if !bytes.Equal(readFile(t, filepath.Join(fromGz, name)), readFile(t, filepath.Join(fromNT, name))) {
			t.Errorf("%s from the gzipped graph differs from the plain one's", name)
		}
	}
	if err := os.WriteFile(gz, zb.Bytes()[:zb.Len()/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runArgs("", "site", "--quiet", "--dataset", "none", "--out", fromGz, gz); r.code != exitInput || !strings.Contains(r.stderr, "part-00000.nq.gz") {
		t.Errorf("truncated gzip: exit %d, stderr %q; want exit 3 naming the file", r.code, r.stderr)
	}
	for _, p := range []string{gz, fromGz, fromNT} {
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
	}

	// Twice: the second run replaces the first site.
	for range 2 {
		if r := runArgs("", "site", "--quiet", "--out", out, committedTTL); r.code != exitOK || r.stderr != "" {
			t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "country", "kazakhstan.ttl")); err != nil {
		t.Error(err)
	}
	wantExactly(t, tmp, []string{"bad.ttl", "notes", "site"})
}

// servedSite writes the sample's site under a new document root, at the
// default base's path, and returns the root, the site's directory and a
// free local address.
func servedSite(t *testing.T) (root, dir, addr string) {
	t.Helper()
	tmp := t.TempDir()
	root = filepath.Join(tmp, "www")
	dir = filepath.Join(root, "kgbuild", "resource")
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		t.Fatal(err)
	}
	if r := runArgs("", "site", "--quiet", "--out", dir, committedTTL); r.code != exitOK {
		t.Fatalf("kgbuild site: exit %d\n%s", r.code, r.stderr)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr = l.Addr().String()
	l.Close()
	return root, dir, addr
}

// docConfig is a configuration file of docs/site with its placeholders
// replaced (each must be there).
func docConfig(t *testing.T, name string, repl map[string]string) string {
	t.Helper()
	conf := string(readFile(t, "../../docs/site/"+name))
	for old, r := range repl {
		if !strings.Contains(conf, old) {
			t.Fatalf("docs/site/%s has no %q", name, old)
		}
		conf = strings.ReplaceAll(conf, old, r)
	}
	return conf
}

// startServer runs a web server in the foreground until the test ends;
// it is stopped with SIGTERM, so that its workers stop too.
func startServer(t *testing.T, name string, args ...string) *strings.Builder {
	t.Helper()
	cmd := exec.Command(name, args...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	return &out
}

// checkNegotiation requests the site served at addr as browsers and
// linked-data clients do: an entity IRI gives HTML to a browser and to a
// client without Accept, the Turtle or JSON-LD file to a client asking
// for it, each with Vary naming Accept; files are served with their media
// types; an unknown entity is 404.
func checkNegotiation(t *testing.T, addr, dir string, serverLog fmt.Stringer) {
	t.Helper()
	base := "http://" + addr + "/kgbuild/resource/"
	client := &http.Client{Timeout: 5 * time.Second}
	get := func(path, accept string) (*http.Response, []byte) {
		t.Helper()
		req, err := http.NewRequest("GET", base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		var resp *http.Response
		for i := 0; ; i++ { // the server may still be starting
			resp, err = client.Do(req)
			if err == nil || i == 50 {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if err != nil {
			t.Fatalf("GET %s: %v (server: %s)", path, err, serverLog)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}
	const browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
	for _, c := range []struct {
		path, accept, mediaType, file string
		negotiated                    bool
	}{
		{"country/kazakhstan", browser, "text/html", "country/kazakhstan.html", true},
		{"country/kazakhstan", "", "text/html", "country/kazakhstan.html", true},
		{"country/kazakhstan", "text/turtle", "text/turtle", "country/kazakhstan.ttl", true},
		{"country/kazakhstan", "application/ld+json", "application/ld+json", "country/kazakhstan.jsonld", true},
		{"country/kazakhstan", "text/turtle;q=1.0, */*;q=0.1", "text/turtle", "country/kazakhstan.ttl", true},
		{"person/kassym-jomart-tokayev", "application/ld+json", "application/ld+json", "person/kassym-jomart-tokayev.jsonld", true},
		{"country/kazakhstan.ttl", browser, "text/turtle", "country/kazakhstan.ttl", false},
		{"statement/dec06eb80163162c", "text/turtle", "text/turtle", "statement/dec06eb80163162c.ttl", true},
		{"statement/dec06eb80163162c", browser, "text/html", "statement/dec06eb80163162c.html", true},
		{"", browser, "text/html", "index.html", false},
		{"dataset", "text/turtle", "text/turtle", "dataset.ttl", true},
		{"dataset", browser, "text/html", "index.html", true},
		{sampleName + ".nt", "", "application/n-triples", sampleName + ".nt", false},
		{"graph.svg", "", "image/svg+xml", "graph.svg", false},
	} {
		resp, body := get(c.path, c.accept)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s (Accept %q): %s", c.path, c.accept, resp.Status)
			continue
		}
		if mt, _, _ := strings.Cut(resp.Header.Get("Content-Type"), ";"); mt != c.mediaType || strings.Contains(resp.Header.Get("Content-Type"), "qs=") {
			t.Errorf("GET %s (Accept %q): Content-Type %q, want %s", c.path, c.accept, resp.Header.Get("Content-Type"), c.mediaType)
		}
		if !bytes.Equal(body, readFile(t, filepath.Join(dir, filepath.FromSlash(c.file)))) {
			t.Errorf("GET %s (Accept %q): not %s", c.path, c.accept, c.file)
		}
		if vary := strings.ToLower(resp.Header.Get("Vary")); c.negotiated && !strings.Contains(vary, "accept") {
			t.Errorf("GET %s: Vary %q does not name Accept", c.path, vary)
		}
	}
	if resp, _ := get("person/nobody", browser); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET person/nobody: %s, want 404", resp.Status)
	}
}

// TestSiteServedByNginx serves the sample's site with the README's nginx
// configuration (docs/site/nginx.conf) and checks its content
// negotiation. It skips without nginx (apt-get install -y nginx-light;
// .ci/run installs it).
func TestSiteServedByNginx(t *testing.T) {
	nginx := "/usr/sbin/nginx"
	if _, err := os.Stat(nginx); err != nil {
		t.Skip("needs nginx (apt-get install -y nginx-light)")
	}
	root, dir, addr := servedSite(t)
	tmp := filepath.Dir(root)
	conf := docConfig(t, "nginx.conf", map[string]string{"listen 80;": "listen " + addr + ";", "root /srv/www;": "root " + root + ";"})
	main := "pid " + tmp + "/nginx.pid;\nerror_log " + tmp + "/error.log;\ndaemon off;\nevents {}\nhttp {\naccess_log off;\n" +
		"client_body_temp_path " + tmp + "; proxy_temp_path " + tmp + "; fastcgi_temp_path " + tmp + "; uwsgi_temp_path " + tmp + "; scgi_temp_path " + tmp + ";\n" +
		conf + "\n}\n"
	if os.Geteuid() == 0 {
		// Workers would run as nobody, who cannot read the test's
		// temporary directory.
		main = "user root;\n" + main
	}
	confPath := filepath.Join(tmp, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	log := startServer(t, nginx, "-e", filepath.Join(tmp, "error.log"), "-p", tmp, "-c", confPath)
	checkNegotiation(t, addr, dir, log)
}

// TestSiteServedByApache serves the sample's site with the README's
// Apache configuration (docs/site/apache.conf) and checks its content
// negotiation. It skips without Apache (apt-get install -y apache2;
// .ci/run installs it).
func TestSiteServedByApache(t *testing.T) {
	apache := "/usr/sbin/apache2"
	modules := "/usr/lib/apache2/modules/"
	if _, err := os.Stat(apache); err != nil {
		t.Skip("needs Apache httpd (apt-get install -y apache2)")
	}
	root, dir, addr := servedSite(t)
	tmp := filepath.Dir(root)
	var main strings.Builder
	fmt.Fprintf(&main, "ServerRoot %s\nPidFile %s/httpd.pid\nErrorLog %s/error.log\nListen %s\nServerName localhost\n", tmp, tmp, tmp, addr)
	fmt.Fprintf(&main, "TypesConfig /etc/mime.types\nDocumentRoot %s\n", root)
	for _, m := range []string{"mpm_event", "authz_core", "mime", "negotiation", "dir", "headers"} {
		fmt.Fprintf(&main, "LoadModule %s_module %smod_%s.so\n", m, modules, m)
	}
	main.WriteString(docConfig(t, "apache.conf", map[string]string{"/srv/www": root}))
	confPath := filepath.Join(tmp, "httpd.conf")
	if err := os.WriteFile(confPath, []byte(main.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	log := startServer(t, apache, "-f", confPath, "-DFOREGROUND")
	checkNegotiation(t, addr, dir, log)
}

// TestReadmeServerConfigs: README.md shows docs/site's web server
// configurations as they are (the files the serving tests run).
func TestReadmeServerConfigs(t *testing.T) {
	readme := string(readFile(t, "../../README.md"))
	for _, name := range []string{"nginx.conf", "apache.conf"} {
		if conf := string(readFile(t, "../../docs/site/"+name)); !strings.Contains(readme, "\n"+conf+"```") {
			t.Errorf("README.md does not show docs/site/%s as it is", name)
		}
	}
}

// TestSiteLinked builds the sample linked to Wikidata (../shared's
// index) and checks that the entity pages show their items, with the
// link's confidence and evidence, and that the index counts the links.
func TestSiteLinked(t *testing.T) {
	if !haveShared() {
		t.Skip(needShared)
	}
	if _, err := os.Stat(sampleIndex); err != nil {
		t.Skipf("needs %s: %v", sampleIndex, err)
	}
	tmp := t.TempDir()
	build, dir := filepath.Join(tmp, "build"), filepath.Join(tmp, "site")
	if r := runArgs("", "build", "--quiet", "--out", build, "--link", sampleIndex, samplePath(t)); r.code != exitOK {
		t.Fatalf("build --link: exit %d\n%s", r.code, r.stderr)
	}
	if r := runArgs("", "site", "--quiet", "--out", dir, filepath.Join(build, sampleName+".ttl")); r.code != exitOK {
		t.Fatalf("site: exit %d\n%s", r.code, r.stderr)
	}
	page := visibleText(string(readFile(t, filepath.Join(dir, "country", "kazakhstan.html"))))
	if !regexp.MustCompile(`Wikidata Same as wd:Q\d+ \(confidence 0?\.\d+: [^)]+\)`).MatchString(page) {
		t.Errorf("Kazakhstan's page shows no Wikidata item with its confidence and evidence: %s", quoteLine(page))
	}
	idx := visibleText(string(readFile(t, filepath.Join(dir, "index.html"))))
	m := regexp.MustCompile(`Wikidata links (\d+)`).FindStringSubmatch(idx)
	if m == nil || m[1] == "0" {
		t.Errorf("index counts no Wikidata links: %s", quoteLine(idx))
	}
	// Link records are described on their entity's page, and have a
	// small page of their own, not listed among the entities.
	links, err := filepath.Glob(filepath.Join(dir, "link", "*.ttl"))
	if err != nil || len(links) == 0 {
		t.Errorf("link records have no descriptions of their own (%v)", err)
	}
	if strings.Contains(string(readFile(t, filepath.Join(dir, "index.html"))), `href="link/`) {
		t.Errorf("the index lists link records among the entities")
	}
}

// TestSiteWikipedia builds a wikitext article, whose links name the
// entities' Wikipedia articles, and checks that an entity's page and
// description show its article.
func TestSiteWikipedia(t *testing.T) {
	tmp := t.TempDir()
	build, dir := filepath.Join(tmp, "build"), filepath.Join(tmp, "site")
	buildInto(t, build, "../../extractor/wikitext/testdata/karim-massimov.wiki")
	if r := runArgs("", "site", "--quiet", "--out", dir, filepath.Join(build, "karim-massimov.ttl")); r.code != exitOK {
		t.Fatalf("site: exit %d\n%s", r.code, r.stderr)
	}
	page := string(readFile(t, filepath.Join(dir, "country", "kazakhstan.html")))
	if !strings.Contains(page, `<a href="https://en.wikipedia.org/wiki/Kazakhstan"`) || !strings.Contains(visibleText(page), "Articles Kazakhstan (en, en.wikipedia.org)") {
		t.Errorf("Kazakhstan's page does not show its Wikipedia article: %s", quoteLine(visibleText(page)))
	}
	if ttl := string(readFile(t, filepath.Join(dir, "country", "kazakhstan.ttl"))); !strings.Contains(ttl, "<https://en.wikipedia.org/wiki/Kazakhstan> a schema:Article") {
		t.Errorf("Kazakhstan's description lacks its Wikipedia article")
	}
}
