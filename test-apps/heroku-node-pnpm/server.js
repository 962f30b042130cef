const http = require("http");
const fs = require("fs");
const ms = require("ms");

const built = fs.readFileSync("built.txt", "utf8").trim();
http.createServer((request, response) => {
  response.writeHead(200, { "Content-Type": "text/plain" });
  response.end(`hello from heroku-node-pnpm on Node.js ${process.versions.node.split(".")[0]}; ${built};`
      + ` a day is ${ms("1d")} ms\n`);
}).listen(process.env.PORT);
