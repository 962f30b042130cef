// Answers with the greeting the build step wrote, through Express: "hello from node"; /app.js is
// the script the build minified.
const fs = require('fs');
const path = require('path');
const express = require('express');

const greeting = fs.readFileSync('dist/greeting.txt', 'utf8');
const port = process.env.PORT || 5000;
const app = express();
app.get('/', (req, res) => res.type('text/plain').send(`${greeting}\n`));
app.get('/app.js', (req, res) => res.sendFile(path.join(__dirname, 'dist', 'app.min.js')));
app.listen(port, () => console.log(`listening on ${port}`));
