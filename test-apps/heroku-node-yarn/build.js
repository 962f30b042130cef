// Heroku runs build after installing the dependencies: it writes what the server shows.
const fs = require("fs");
fs.writeFileSync("built.txt", `built by the build script on Node.js ${process.versions.node.split(".")[0]}\n`);
