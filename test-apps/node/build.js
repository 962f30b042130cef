// The build step, as a front-end build would do it: minifies the browser script with terser (a
// dev dependency, which the run image never holds) and writes the greeting the server answers with.
const fs = require('fs');
const { minify } = require('terser');

async function build() {
  fs.mkdirSync('dist', { recursive: true });
  const source = fs.readFileSync('public/app.js', 'utf8');
  const { code } = await minify(source, { compress: true, mangle: true });
  fs.writeFileSync('dist/app.min.js', code);
  fs.writeFileSync('dist/greeting.txt', 'hello from node');
}

build().catch((error) => {
  console.error(error);
  process.exit(1);
});
