// Heroku runs heroku-postbuild after installing the dependencies: it writes what the server shows.
const fs = require("fs");
fs.writeFileSync("built.txt", `built by heroku-postbuild on Node.js ${process.versions.node.split(".")[0]}\n`);
