// shacl-validate.mjs validates RDF files against SHACL shapes with the npm
// package rdf-validate-shacl (files parsed by N3.js, package n3).
//
//   node scripts/shacl-validate.mjs SHAPES.ttl DATA.ttl|DATA.nt...
//
// The data files are validated as one graph. The report is written to
// stdout as JSON: {"conforms": bool, "results": [{focus, path, value,
// component, shape, severity, message}]}. The exit status is 0 when the
// data conform, 1 when they do not, 2 on an error (a file that does not
// parse, a package not found). Packages are looked for in the
// node_modules directory $KGBUILD_NODE_MODULES, else where Node.js finds
// them from this script.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

async function load(name) {
  const dir = process.env.KGBUILD_NODE_MODULES;
  const from = dir ? path.join(dir, 'noop.js') : import.meta.url;
  const resolved = createRequire(from).resolve(name);
  return import(pathToFileURL(resolved).href);
}

async function main() {
  const [shapesFile, ...dataFiles] = process.argv.slice(2);
  if (!shapesFile || dataFiles.length === 0) {
    throw new Error('usage: node shacl-validate.mjs SHAPES DATA...');
  }
  const N3 = await load('n3');
  const { default: SHACLValidator } = await load('rdf-validate-shacl');
  const parse = (file) => {
    const format = file.endsWith('.nt') ? 'N-Triples' : 'Turtle';
    try {
      return new N3.Parser({ baseIRI: pathToFileURL(path.resolve(file)).href, format }).parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`${file}: ${err.message}`);
    }
  };
  const validator = new SHACLValidator(parse(shapesFile));
  const data = validator.factory.dataset(dataFiles.flatMap(parse));
  const report = await validator.validate(data);
  const term = (t) => (t ? t.value : null);
  process.stdout.write(JSON.stringify({
    conforms: report.conforms,
    results: report.results.map((r) => ({
      focus: term(r.focusNode),
      path: term(r.path),
      value: term(r.value),
      component: term(r.sourceConstraintComponent),
      shape: term(r.sourceShape),
      severity: term(r.severity),
      message: r.message.map((m) => m.value),
    })),
  }, null, 1) + '\n');
  return report.conforms ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  console.error(`shacl-validate: ${err.message}`);
  process.exitCode = 2;
});
